package ai.kubernaut.orchestrator.sandbox.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in scenario RRs pass the CRD schema of the strict API stand-in. */
class ScenariosIT {

  static KubernetesApiStandIn api;

  @BeforeAll
  static void start() {
    api = KubernetesApiStandIn.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void createsEveryBuiltInScenarioRr() {
    String ns = api.createNamespace("scenarios");

    for (Scenario scenario : Scenarios.builtIn()) {
      api.client().resource(scenario.toRemediationRequest(ns)).create();
    }

    List<RemediationRequest> created =
        api.client().resources(RemediationRequest.class).inNamespace(ns).list().getItems();
    assertThat(created)
        .extracting(rr -> rr.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(
            Scenarios.builtIn().stream().map(Scenario::rrName).toList());
    assertThat(ScenarioReport.progressSummary(created)).startsWith("0/9 done | Pending 9");
    assertThat(ScenarioReport.rows(Scenarios.builtIn(), created, Instant.now()))
        .noneMatch(row -> row.mismatches().contains("RR not found"));
  }
}
