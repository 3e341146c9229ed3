package ai.kubernaut.orchestrator.harness.realstack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.harness.SandboxMain;
import ai.kubernaut.orchestrator.harness.bench.BenchReport;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealKubernetesExtension;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealOrchestratorStack;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealStackScripts;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealTemporal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench} on the real stack at a small size: the service jar in its own process (its
 * ServiceAccount token), the real API server and Temporal dev server, the simulated controllers of
 * {@link RealOrchestratorStack}. Checks that the report is complete and that no per-remediation
 * ratio (API requests by verb, history events) grew to more than twice the committed reference
 * ({@value #REFERENCE}); never wall time, which depends on the machine.
 */
@ExtendWith(RealKubernetesExtension.class)
class BenchRealIT {

  static final String REFERENCE = "docs/bench/realstack-local-writes.json";
  static final double MAX_GROWTH = 2.0;

  @Test
  void perRemediationCostsStayWithinTwiceTheReference(
      RealOrchestratorStack stack, @TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");

    int code =
        SandboxMain.execute(
            "bench",
            "--kubeconfig=" + stack.kubernetes().adminKubeconfig(),
            "--temporal-address=" + stack.temporal().target(),
            "--temporal-namespace=" + RealTemporal.NAMESPACE,
            "--namespace=bench",
            "--no-controllers",
            "--orchestrator-metrics=" + stack.orchestrator().metricsUrl(),
            "--process=orchestrator=" + stack.orchestrator().pid(),
            "--remediations=20",
            "--concurrency=20",
            "--max-duration=5m",
            "--history-sample=20",
            "--out=" + json);

    BenchReport report = BenchReport.readJson(json);
    System.out.print(report.table());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(report.missing()).isEmpty();
    BenchReport.ProfileResult measured = report.profiles().get(0);
    assertThat(measured.completed()).isEqualTo(20);
    assertThat(measured.apiRequestsPerRemediationByVerb()).containsKeys("create", "update+patch");
    assertThat(measured.orchestratorMemory().peakHeapUsedBytes()).isPositive();
    assertThat(regressions(reference(), measured)).isEmpty();
  }

  /** The reference run's default profile (its first). */
  static BenchReport.ProfileResult reference() throws Exception {
    return BenchReport.readJson(RealStackScripts.root().resolve(REFERENCE)).profiles().stream()
        .filter(p -> p.profile().equals("default"))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Every ratio that is more than {@link #MAX_GROWTH} times the reference's (a ratio the reference
   * has at zero may reach 1 per remediation).
   */
  static List<String> regressions(
      BenchReport.ProfileResult reference, BenchReport.ProfileResult measured) {
    List<String> regressions = new ArrayList<>();
    for (String verb : List.of("create", "update+patch", "get", "delete")) {
      check(
          regressions,
          "API " + verb + " per remediation",
          reference.apiRequestsPerRemediationByVerb().getOrDefault(verb, 0.0),
          measured.apiRequestsPerRemediationByVerb().getOrDefault(verb, 0.0));
    }
    check(
        regressions,
        "history events per workflow",
        reference.historyEvents().mean(),
        measured.historyEvents().mean());
    Map<String, Double> byType = reference.historyEvents().meanByType();
    measured
        .historyEvents()
        .meanByType()
        .forEach(
            (type, n) ->
                check(
                    regressions,
                    "history " + type,
                    byType == null ? 0 : byType.getOrDefault(type, 0.0),
                    n));
    return regressions;
  }

  private static void check(List<String> out, String what, double reference, double measured) {
    double limit = Math.max(1.0, reference * MAX_GROWTH);
    if (measured > limit) {
      out.add(
          String.format(
              "%s: %.2f, more than %.1f x the reference %.2f",
              what, measured, MAX_GROWTH, reference));
    }
  }
}
