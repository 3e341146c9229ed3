package ai.kubernaut.orchestrator.orchestrator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench} measured: one {@link ProfileResult} per profile, with the machine it ran on.
 * Written as a table for people and as JSON ({@code --out}).
 */
public record BenchReport(
    String startedAt, Environment environment, Settings settings, List<ProfileResult> profiles) {

  public BenchReport {
    profiles = List.copyOf(profiles);
  }

  public record Environment(
      int availableProcessors, long maxHeapBytes, String javaVersion, String os) {}

  public record Settings(
      int remediations,
      int concurrency,
      String stepDelay,
      String maxDuration,
      int historySample,
      String command) {}

  /** History events per workflow, from GetWorkflowExecutionHistory on a sample. */
  public record HistoryEvents(int sampled, double mean, long p50, long p99, long max) {}

  public record ProfileResult(
      String profile,
      int requested,
      int created,
      int completed,
      boolean finishedInTime,
      double wallSeconds,
      double throughputPerSecond,
      double throughputPerMinute,
      Map<String, Long> outcomes,
      int expectedOutcomes,
      Latency endToEnd,
      Latency pickup,
      Latency transition,
      Map<String, Latency> transitionsByStep,
      Map<String, Latency> childDurationsByKind,
      Map<String, Double> apiRequestsPerRemediationByVerb,
      Map<String, Integer> apiDesignMinimumByVerb,
      Map<String, Double> apiRequestsPerRemediationByCall,
      HistoryEvents historyEvents,
      long peakHeapUsedBytes,
      long peakHeapPoolsBytes,
      long peakRssBytes,
      long vmHwmBytes,
      double cpuSecondsTotal,
      double cpuSecondsPerRemediation,
      List<ResourceMonitor.ThreadCpu> cpuByThreadGroup) {

    public ProfileResult {
      outcomes = Map.copyOf(outcomes);
      transitionsByStep = Map.copyOf(transitionsByStep);
      childDurationsByKind = Map.copyOf(childDurationsByKind);
      cpuByThreadGroup = List.copyOf(cpuByThreadGroup);
    }

    /** Figures that are missing or empty; empty when the result is complete. */
    public List<String> missing() {
      List<String> missing = new ArrayList<>();
      check(missing, completed > 0, "completed");
      check(missing, throughputPerSecond > 0, "throughputPerSecond");
      check(missing, endToEnd.count() == completed, "endToEnd");
      check(missing, pickup.count() > 0, "pickup");
      check(missing, transition.count() > 0, "transition");
      check(missing, !transitionsByStep.isEmpty(), "transitionsByStep");
      check(missing, apiRequestsPerRemediationByVerb.containsKey("create"), "apiRequests.create");
      check(missing, !apiDesignMinimumByVerb.isEmpty(), "apiDesignMinimumByVerb");
      check(missing, historyEvents.sampled() > 0 && historyEvents.mean() > 0, "historyEvents");
      check(missing, peakHeapUsedBytes > 0, "peakHeapUsedBytes");
      check(missing, peakRssBytes > 0 || vmHwmBytes > 0, "peakRssBytes");
      check(missing, cpuSecondsPerRemediation > 0, "cpuSecondsPerRemediation");
      return missing;
    }

    private static void check(List<String> missing, boolean ok, String field) {
      if (!ok) {
        missing.add(field);
      }
    }
  }

  /** Figures missing across all profiles, each prefixed by its profile. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    for (ProfileResult p : profiles) {
      p.missing().forEach(m -> missing.add(p.profile() + "." + m));
    }
    return missing;
  }

  public void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    mapper().writeValue(file.toFile(), this);
  }

  public static BenchReport readJson(Path file) throws IOException {
    return mapper().readValue(file.toFile(), BenchReport.class);
  }

  static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The human-readable table. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "bench: N=%d C=%d step delay %s, %d cores, max heap %d MiB, %s%n",
            settings.remediations(),
            settings.concurrency(),
            settings.stepDelay(),
            environment.availableProcessors(),
            environment.maxHeapBytes() >> 20,
            environment.javaVersion()));
    for (ProfileResult p : profiles) {
      b.append(String.format("%n== profile %s ==%n", p.profile()));
      b.append(
          String.format(
              "completed %d/%d (%d with the expected outcome) in %.1f s%s; outcomes %s%n",
              p.completed(),
              p.requested(),
              p.expectedOutcomes(),
              p.wallSeconds(),
              p.finishedInTime() ? "" : " (max duration reached)",
              p.outcomes()));
      b.append(
          String.format(
              "throughput %.2f remediations/s (%.0f /min)%n",
              p.throughputPerSecond(), p.throughputPerMinute()));
      b.append(
          String.format("%-44s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p95", "p99", "max"));
      b.append(String.format("%-44s %s%n", "end to end (created -> terminal)", p.endToEnd().row()));
      b.append(String.format("%-44s %s%n", "pickup (created -> Processing)", p.pickup().row()));
      b.append(
          String.format(
              "%-44s %s%n", "transition (child Completed -> next child)", p.transition().row()));
      p.transitionsByStep().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> b.append(String.format("  %-42s %s%n", e.getKey(), e.getValue().row())));
      p.childDurationsByKind().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  b.append(
                      String.format(
                          "  %-42s %s%n",
                          "child " + e.getKey() + " created -> done", e.getValue().row())));
      b.append(
          String.format("%-20s %12s %16s%n", "API requests / RR", "measured", "design minimum"));
      for (String verb : List.of("create", "update+patch", "get", "list", "watch", "delete")) {
        b.append(
            String.format(
                "  %-18s %12.2f %16s%n",
                verb,
                p.apiRequestsPerRemediationByVerb().getOrDefault(verb, 0.0),
                p.apiDesignMinimumByVerb().getOrDefault(verb, 0)));
      }
      p.apiRequestsPerRemediationByCall()
          .forEach((call, n) -> b.append(String.format("    %-40s %8.2f%n", call, n)));
      b.append(
          String.format(
              "history events / workflow: mean %.1f, p50 %d, p99 %d, max %d (sample of %d)%n",
              p.historyEvents().mean(),
              p.historyEvents().p50(),
              p.historyEvents().p99(),
              p.historyEvents().max(),
              p.historyEvents().sampled()));
      b.append(
          String.format(
              "peak heap used %d MiB (heap pools' peaks %d MiB), peak RSS %d MiB (VmHWM %d MiB)%n",
              p.peakHeapUsedBytes() >> 20,
              p.peakHeapPoolsBytes() >> 20,
              p.peakRssBytes() >> 20,
              p.vmHwmBytes() >> 20));
      b.append(
          String.format(
              "CPU %.1f s total, %.3f s per remediation; by thread group:%n",
              p.cpuSecondsTotal(), p.cpuSecondsPerRemediation()));
      p.cpuByThreadGroup()
          .forEach(
              t -> b.append(String.format("    %-48s %8.2f s%n", t.threads(), t.cpuSeconds())));
    }
    return b.toString();
  }
}
