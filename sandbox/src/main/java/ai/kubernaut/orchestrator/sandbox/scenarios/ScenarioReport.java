package ai.kubernaut.orchestrator.sandbox.scenarios;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the sandbox's progress and its final summary from RRs: pure functions over what {@code
 * kubectl get rr} would show.
 *
 * <pre>
 * SCENARIO          RR                EXPECTED              ACTUAL                ATTEMPTS  ELAPSED  RESULT
 * clean-success     clean-success     Completed/Remediated  Completed/Remediated  0         3.2s     OK
 * phase-timeout     phase-timeout     TimedOut/TimedOut     Failed/Failed         0         4.4s     MISMATCH
 *
 * 1 of 2 scenarios did not end as expected:
 *   phase-timeout: phase Failed, expected TimedOut; outcome Failed, expected TimedOut
 * </pre>
 */
public final class ScenarioReport {

  private static final String NONE = "-";

  private ScenarioReport() {}

  /**
   * One row of the summary.
   *
   * @param scenario scenario id
   * @param rr RR name
   * @param expected {@code Phase/Outcome} expected
   * @param actual {@code Phase/Outcome} reached, {@code -} where absent
   * @param attempts recovery attempts
   * @param elapsed from creation (or status.startTime) to completion, or to now while running
   * @param mismatches what differs; empty when the scenario ended as expected
   */
  public record Row(
      String scenario,
      String rr,
      String expected,
      String actual,
      int attempts,
      Duration elapsed,
      List<String> mismatches) {

    public Row {
      mismatches = List.copyOf(mismatches);
    }

    public boolean ok() {
      return mismatches.isEmpty();
    }
  }

  /**
   * The rows for {@code scenarios}, matched to {@code rrs} by the {@value Scenario#ID_LABEL} label,
   * else by name. A scenario without an RR is a mismatch.
   */
  public static List<Row> rows(
      List<Scenario> scenarios, Collection<RemediationRequest> rrs, Instant now) {
    Map<String, RemediationRequest> byScenario = new LinkedHashMap<>();
    for (RemediationRequest rr : rrs) {
      Map<String, String> labels = rr.getMetadata().getLabels();
      String id = labels == null ? null : labels.get(Scenario.ID_LABEL);
      byScenario.putIfAbsent(id != null ? id : rr.getMetadata().getName(), rr);
    }
    List<Row> rows = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      RemediationRequest rr = byScenario.get(scenario.id());
      if (rr == null) {
        rows.add(
            new Row(
                scenario.id(),
                scenario.rrName(),
                scenario.expected().label(),
                NONE + "/" + NONE,
                0,
                Duration.ZERO,
                List.of("RR not found")));
        continue;
      }
      rows.add(
          new Row(
              scenario.id(),
              rr.getMetadata().getName(),
              scenario.expected().label(),
              phaseOutcome(rr),
              attempts(rr),
              elapsed(rr, now),
              scenario.expected().mismatches(rr)));
    }
    return rows;
  }

  /** Whether every row ended as expected (and there is at least one). */
  public static boolean allMatch(List<Row> rows) {
    return !rows.isEmpty() && rows.stream().allMatch(Row::ok);
  }

  /** The summary table, then one line per mismatch, or a line saying all matched. */
  public static String table(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {"SCENARIO", "RR", "EXPECTED", "ACTUAL", "ATTEMPTS", "ELAPSED", "RESULT"});
    for (Row row : rows) {
      cells.add(
          new String[] {
            row.scenario(),
            row.rr(),
            row.expected(),
            row.actual(),
            Integer.toString(row.attempts()),
            formatElapsed(row.elapsed()),
            row.ok() ? "OK" : "MISMATCH"
          });
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        text.append(i == line.length - 1 ? line[i] : pad(line[i], widths[i] + 2));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    out.append('\n');
    List<Row> failed = rows.stream().filter(row -> !row.ok()).toList();
    if (failed.isEmpty()) {
      out.append("all ").append(rows.size()).append(" scenarios ended as expected\n");
    } else {
      out.append(failed.size())
          .append(" of ")
          .append(rows.size())
          .append(" scenarios did not end as expected:\n");
      for (Row row : failed) {
        out.append("  ")
            .append(row.scenario())
            .append(": ")
            .append(String.join("; ", row.mismatches()))
            .append('\n');
      }
    }
    return out.toString();
  }

  /**
   * A compact progress line for one RR: name, phase (with outcome once terminal), recovery attempts
   * and elapsed time, for example {@code recovery Recovering attempts 1 4.2s}.
   */
  public static String progressLine(RemediationRequest rr, Instant now) {
    return progressLine(rr, now, rr.getMetadata().getName().length());
  }

  /** The progress lines of {@code rrs}, names aligned, one per line, in the given order. */
  public static String progressLines(Collection<RemediationRequest> rrs, Instant now) {
    int width = rrs.stream().mapToInt(rr -> rr.getMetadata().getName().length()).max().orElse(0);
    return rrs.stream()
        .map(rr -> progressLine(rr, now, width))
        .collect(Collectors.joining("\n", "", rrs.isEmpty() ? "" : "\n"));
  }

  /**
   * One line for all RRs: how many are done and how many are in each phase, in phase order, for
   * example {@code 3/9 done | Analyzing 4, Executing 2, Completed 3}.
   */
  public static String progressSummary(Collection<RemediationRequest> rrs) {
    Map<RemediationPhase, Long> byPhase = new LinkedHashMap<>();
    for (RemediationPhase phase : RemediationPhase.values()) {
      byPhase.put(phase, 0L);
    }
    long done = 0;
    for (RemediationRequest rr : rrs) {
      RemediationPhase phase = phase(rr).orElse(RemediationPhase.PENDING);
      byPhase.merge(phase, 1L, Long::sum);
      if (phase.isTerminal()) {
        done++;
      }
    }
    // running phases first, in pipeline order, then the terminal ones
    Comparator<Map.Entry<RemediationPhase, Long>> order =
        Comparator.comparing((Map.Entry<RemediationPhase, Long> e) -> e.getKey().isTerminal())
            .thenComparing(e -> e.getKey().ordinal());
    String phases =
        byPhase.entrySet().stream()
            .filter(entry -> entry.getValue() > 0)
            .sorted(order)
            .map(entry -> entry.getKey().value() + " " + entry.getValue())
            .collect(Collectors.joining(", "));
    return done + "/" + rrs.size() + " done" + (phases.isEmpty() ? "" : " | " + phases);
  }

  /** {@code 850ms}, {@code 4.2s}, {@code 2m05s}, {@code 1h02m}. */
  public static String formatElapsed(Duration elapsed) {
    Objects.requireNonNull(elapsed, "elapsed");
    if (elapsed.isNegative()) {
      elapsed = Duration.ZERO;
    }
    long millis = elapsed.toMillis();
    if (millis < 1_000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = elapsed.toSeconds();
    if (seconds < 3_600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3_600, seconds % 3_600 / 60);
  }

  private static String progressLine(RemediationRequest rr, Instant now, int nameWidth) {
    String phase = phase(rr).map(RemediationPhase::value).orElse("Pending");
    if (phase(rr).map(RemediationPhase::isTerminal).orElse(false)) {
      phase = phaseOutcome(rr);
    }
    return (pad(rr.getMetadata().getName(), nameWidth + 2)
            + pad(phase, 30)
            + pad("attempts " + attempts(rr), 12)
            + formatElapsed(elapsed(rr, now)))
        .stripTrailing();
  }

  private static Optional<RemediationPhase> phase(RemediationRequest rr) {
    return Optional.ofNullable(rr.getStatus()).map(RemediationRequestStatus::getOverallPhase);
  }

  private static String phaseOutcome(RemediationRequest rr) {
    RemediationRequestStatus status = rr.getStatus();
    String phase =
        status == null || status.getOverallPhase() == null
            ? NONE
            : status.getOverallPhase().value();
    String outcome =
        status == null || status.getOutcome() == null ? NONE : status.getOutcome().value();
    return phase + "/" + outcome;
  }

  private static int attempts(RemediationRequest rr) {
    return rr.getStatus() == null || rr.getStatus().getRecoveryAttempts() == null
        ? 0
        : rr.getStatus().getRecoveryAttempts();
  }

  /** From status.startTime (else creation) to completionTime (else now). */
  static Duration elapsed(RemediationRequest rr, Instant now) {
    RemediationRequestStatus status = rr.getStatus();
    Optional<Instant> start =
        Timestamps.parse(status == null ? null : status.getStartTime())
            .or(() -> Timestamps.parse(rr.getMetadata().getCreationTimestamp()));
    if (start.isEmpty()) {
      return Duration.ZERO;
    }
    Instant end = Timestamps.parse(status == null ? null : status.getCompletionTime()).orElse(now);
    Duration elapsed = Duration.between(start.get(), end);
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }

  private static String pad(String value, int width) {
    return value.length() >= width ? value + " " : value + " ".repeat(width - value.length());
  }
}
