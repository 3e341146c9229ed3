package ai.kubernaut.orchestrator.harness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench} measured: one {@link ProfileResult} per profile, with the machine it ran on.
 * Written as a table for people and as JSON ({@code --out}).
 */
public record BenchReport(
    String startedAt,
    Environment environment,
    Settings settings,
    List<ProfileResult> profiles,
    String stack,
    Ramp ramp) {

  public BenchReport {
    profiles = List.copyOf(profiles);
  }

  /** One process over a profile, sampled from {@code /proc}. */
  public record ProcessUsage(
      long pid,
      double cpuSeconds,
      double cpuCores,
      double cpuSecondsPerRemediation,
      long peakRss) {}

  /**
   * The machine over a profile: load averages at start and end, busy CPU seconds (all processes),
   * the measured processes' share and the rest (other processes: on a shared machine, noise).
   */
  public record MachineLoad(
      int cores,
      String loadAverageAtStart,
      String loadAverageAtEnd,
      double busyCpuSeconds,
      double measuredProcessesCpuSeconds,
      double otherCpuSeconds) {}

  /**
   * The orchestrator alone (its own process): heap in use (peak of its {@code /metrics} sampled
   * every second; after a full GC at the end of a hold), and its peak RSS.
   */
  public record OrchestratorMemory(
      long peakHeapUsedBytes, long heapAfterFullGcBytes, long peakRssBytes) {}

  /** One rate of a ramp. */
  public record RampStep(
      double offeredPerSecond,
      double createdPerSecond,
      int created,
      int completed,
      double pickupP99Ms,
      double transitionP99Ms,
      boolean sustained,
      Map<String, Double> cpuCoresByProcess,
      double machineBusyCores) {}

  /**
   * What a ramp found: the highest offered rate whose pickup p99 stayed under the limit with every
   * RR finished, and the process with the most CPU at the first rate that failed.
   */
  public record Ramp(
      String criterion,
      double highestSustainedPerSecond,
      String busiestProcessAtFirstFailure,
      List<RampStep> steps) {}

  public record Environment(
      int availableProcessors, long maxHeapBytes, String javaVersion, String os) {}

  public record Settings(
      int remediations,
      int concurrency,
      String stepDelay,
      String maxDuration,
      int historySample,
      String command) {}

  /**
   * History events per workflow, from GetWorkflowExecutionHistory on a sample, with the mean count
   * per event type.
   */
  public record HistoryEvents(
      int sampled, double mean, long p50, long p99, long max, Map<String, Double> meanByType) {}

  public record ProfileResult(
      String profile,
      String arrival,
      double offeredPerSecond,
      double createdPerSecond,
      int peakInFlight,
      int heldInFlight,
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
      List<ResourceMonitor.ThreadCpu> cpuByThreadGroup,
      Map<String, ProcessUsage> processes,
      MachineLoad machine,
      OrchestratorMemory orchestratorMemory) {

    public ProfileResult {
      outcomes = Map.copyOf(outcomes);
      transitionsByStep = Map.copyOf(transitionsByStep);
      childDurationsByKind = Map.copyOf(childDurationsByKind);
      cpuByThreadGroup = List.copyOf(cpuByThreadGroup);
      processes = processes == null ? Map.of() : new LinkedHashMap<>(processes);
    }

    /** A hold measures memory with RRs in flight; they are deleted, not finished. */
    public boolean hold() {
      return arrival != null && arrival.startsWith("hold");
    }

    /** Figures that are missing or empty; empty when the result is complete. */
    public List<String> missing() {
      List<String> missing = new ArrayList<>();
      if (hold()) {
        check(missing, heldInFlight > 0, "heldInFlight");
        check(missing, pickup.count() > 0, "pickup");
      } else {
        check(missing, completed > 0, "completed");
        check(missing, throughputPerSecond > 0, "throughputPerSecond");
        check(missing, endToEnd.count() == completed, "endToEnd");
        check(missing, pickup.count() > 0, "pickup");
        check(missing, transition.count() > 0, "transition");
        check(missing, !transitionsByStep.isEmpty(), "transitionsByStep");
      }
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
    b.append(String.format("stack: %s%n", stack));
    for (ProfileResult p : profiles) {
      b.append(String.format("%n== profile %s, %s ==%n", p.profile(), p.arrival()));
      if (p.offeredPerSecond() > 0) {
        b.append(
            String.format(
                "offered %.2f RR/s, created %.2f RR/s%n",
                p.offeredPerSecond(), p.createdPerSecond()));
      }
      b.append(
          String.format(
              "in flight: peak %d%s%n",
              p.peakInFlight(), p.hold() ? ", held " + p.heldInFlight() : ""));
      if (p.hold()) {
        b.append(
            String.format(
                "held %d of %d in flight (deleted afterwards); costs below are per RR created%n",
                p.heldInFlight(), p.requested()));
      }
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
      if (p.historyEvents().meanByType() != null) {
        b.append("history events / workflow by type (mean):\n");
        p.historyEvents().meanByType().entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .forEach(e -> b.append(String.format("    %-48s %8.2f%n", e.getKey(), e.getValue())));
      }
      if (!p.processes().isEmpty()) {
        b.append(
            String.format(
                    "%-28s %8s %10s %8s %12s%n", "process", "pid", "CPU s", "cores", "CPU s / RR")
                + String.format("%-28s %8s %10s%n", "", "", "peak RSS MiB"));
        p.processes()
            .forEach(
                (name, u) ->
                    b.append(
                        String.format(
                            "  %-26s %8d %10.2f %8.3f %12.4f %8d%n",
                            name,
                            u.pid(),
                            u.cpuSeconds(),
                            u.cpuCores(),
                            u.cpuSecondsPerRemediation(),
                            u.peakRss() >> 20)));
      }
      if (p.machine() != null) {
        b.append(
            String.format(
                "machine: %d cores, load %s -> %s, busy %.1f CPU s (measured processes %.1f,"
                    + " other %.1f)%n",
                p.machine().cores(),
                p.machine().loadAverageAtStart(),
                p.machine().loadAverageAtEnd(),
                p.machine().busyCpuSeconds(),
                p.machine().measuredProcessesCpuSeconds(),
                p.machine().otherCpuSeconds()));
      }
      if (p.orchestratorMemory() != null) {
        b.append(
            String.format(
                "orchestrator alone: peak heap used %d MiB, heap after full GC %d MiB, peak RSS"
                    + " %d MiB%n",
                p.orchestratorMemory().peakHeapUsedBytes() >> 20,
                p.orchestratorMemory().heapAfterFullGcBytes() >> 20,
                p.orchestratorMemory().peakRssBytes() >> 20));
      }
    }
    if (ramp != null) {
      b.append(String.format("%n== ramp (%s) ==%n", ramp.criterion()));
      for (RampStep s : ramp.steps()) {
        b.append(
            String.format(
                "  offered %6.2f/s created %6.2f/s completed %d/%d pickup p99 %8.0f ms"
                    + " transition p99 %8.0f ms %s cores %s (machine %.2f)%n",
                s.offeredPerSecond(),
                s.createdPerSecond(),
                s.completed(),
                s.created(),
                s.pickupP99Ms(),
                s.transitionP99Ms(),
                s.sustained() ? "sustained" : "NOT sustained",
                s.cpuCoresByProcess(),
                s.machineBusyCores()));
      }
      b.append(
          String.format(
              "highest sustained rate %.2f RR/s; busiest process at the first failure: %s%n",
              ramp.highestSustainedPerSecond(), ramp.busiestProcessAtFirstFailure()));
    }
    return b.toString();
  }
}
