package ai.kubernaut.orchestrator.harness.sandbox;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario;
import ai.kubernaut.orchestrator.sandbox.scenarios.ScenarioReport;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenarios;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Creates the built-in scenario RRs, prints a compact progress line while they move, and the
 * expected-vs-actual summary once all are terminal (or the deadline passes).
 */
public final class ScenarioRun {

  private static final Duration TICK = Duration.ofSeconds(1);
  private static final int DETAIL_EVERY_TICKS = 5;

  private final KubernetesClient client;
  private final String namespace;
  private final PrintStream out;
  private final Clock clock;

  public ScenarioRun(KubernetesClient client, String namespace, PrintStream out, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.out = out;
    this.clock = clock;
  }

  /** True when every scenario ended with its expected phase and outcome. */
  public boolean execute(Duration deadline) throws InterruptedException {
    List<Scenario> scenarios = Scenarios.builtIn();
    List<RemediationRequest> earlier = list();
    if (!earlier.isEmpty()) {
      // only on a cluster of the user's (--kubeconfig): the stand-in starts empty
      throw new IllegalStateException(
          earlier.size()
              + " scenario RemediationRequests of an earlier run are still in namespace "
              + namespace
              + "; delete them first: kubectl delete rr -n "
              + namespace
              + " -l "
              + Scenario.ID_LABEL);
    }
    for (Scenario scenario : scenarios) {
      client
          .resources(RemediationRequest.class)
          .inNamespace(namespace)
          .resource(scenario.toRemediationRequest(namespace))
          .create();
    }
    out.printf(
        "created %d scenario RemediationRequests in namespace %s%n", scenarios.size(), namespace);
    Instant end = clock.instant().plus(deadline);
    List<RemediationRequest> rrs = list();
    for (int tick = 1;
        !allTerminal(rrs, scenarios.size()) && clock.instant().isBefore(end);
        tick++) {
      Thread.sleep(TICK.toMillis());
      rrs = list();
      out.println(ScenarioReport.progressSummary(rrs));
      if (tick % DETAIL_EVERY_TICKS == 0) {
        out.print(ScenarioReport.progressLines(rrs, clock.instant()));
      }
    }
    List<ScenarioReport.Row> rows = ScenarioReport.rows(scenarios, rrs, clock.instant());
    out.println();
    out.print(ScenarioReport.table(rows));
    return ScenarioReport.allMatch(rows);
  }

  private List<RemediationRequest> list() {
    return client
        .resources(RemediationRequest.class)
        .inNamespace(namespace)
        .withLabel(Scenario.ID_LABEL)
        .list()
        .getItems();
  }

  private static boolean allTerminal(List<RemediationRequest> rrs, int expected) {
    return rrs.size() >= expected
        && rrs.stream()
            .allMatch(
                rr ->
                    rr.getStatus() != null
                        && rr.getStatus().getOverallPhase() != null
                        && rr.getStatus().getOverallPhase().isTerminal());
  }
}
