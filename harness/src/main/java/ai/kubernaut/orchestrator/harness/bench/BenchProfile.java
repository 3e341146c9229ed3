package ai.kubernaut.orchestrator.harness.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every RR of a benchmark run asks the simulated controllers to do, and the fewest Kubernetes
 * API requests per verb the design needs for one such remediation (derivation in {@code
 * docs/performance.md}).
 */
public enum BenchProfile {
  /** Every step succeeds: SP, AI, WE, Completion NR. */
  DEFAULT("success", 0, 4, 4),
  /** Every WE fails once at step 2; the recovery AI and WE succeed. */
  RECOVERY("recovery", 1, 6, 6),
  /** The AI asks for approval; the sandbox approver grants it. */
  APPROVAL("approval", 0, 6, 5);

  private final String scenario;
  private final int expectedRecoveryAttempts;
  private final int children;
  private final int transitions;

  BenchProfile(String scenario, int expectedRecoveryAttempts, int children, int transitions) {
    this.scenario = scenario;
    this.expectedRecoveryAttempts = expectedRecoveryAttempts;
    this.children = children;
    this.transitions = transitions;
  }

  /** The {@code sandbox.kubernaut.ai/scenario} annotation value. */
  public String scenario() {
    return scenario;
  }

  public int expectedRecoveryAttempts() {
    return expectedRecoveryAttempts;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Fewest requests per remediation by verb: every child (and notification) created once, one Event
   * and one status write per phase transition, one patch for the finalizer; reads come from
   * informer caches and watches are per process, so get/list/watch/delete need none.
   */
  public Map<String, Integer> designMinimum() {
    Map<String, Integer> min = new LinkedHashMap<>();
    min.put("create", children + transitions);
    min.put("update+patch", transitions + 1);
    min.put("get", 0);
    min.put("list", 0);
    min.put("watch", 0);
    min.put("delete", 0);
    return min;
  }

  /** Profiles named on the command line; {@code all} means every profile. */
  public static List<BenchProfile> parse(List<String> names) {
    if (names.stream().anyMatch(n -> n.equalsIgnoreCase("all"))) {
      return List.of(values());
    }
    return names.stream().map(n -> valueOf(n.trim().toUpperCase(Locale.ROOT))).toList();
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(BenchProfile::id).toList()) + ", all";
  }
}
