package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenarios;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/**
 * The remediations the docs use as examples, created for real once per stack: {@code
 * disk-full-7f3a} in {@code payments} (docs/operations.md, docs/runbooks.md) and the README's
 * {@code recovery} in {@code default}; both run to completion.
 */
final class DocsExamples {

  static final String NS = "payments";
  static final String RR = "disk-full-7f3a";

  private DocsExamples() {}

  static synchronized void ensure(RealOrchestratorStack stack) {
    KubernetesClient kube = stack.admin();
    if (get(kube, NS, RR) == null) {
      RemediationRequest rr = TestSupport.scriptedRemediation(NS, RR, Map.of());
      rr.getSpec().getTargetResource().setName("checkout");
      rr.getSpec().setEnvironment("production");
      rr.getSpec().setPriority("P1");
      kube.resource(rr).create();
    }
    if (get(kube, "default", "recovery") == null) {
      kube.resource(
              Scenarios.byId(Scenarios.RECOVERY).orElseThrow().toRemediationRequest("default"))
          .create();
    }
    awaitTerminal(kube, NS, RR);
    awaitTerminal(kube, "default", "recovery");
  }

  static RemediationRequest get(KubernetesClient kube, String ns, String name) {
    return kube.resources(RemediationRequest.class).inNamespace(ns).withName(name).get();
  }

  static void awaitTerminal(KubernetesClient kube, String ns, String name) {
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              RemediationRequest rr = get(kube, ns, name);
              return rr != null
                  && rr.getStatus() != null
                  && rr.getStatus().getOverallPhase() != null
                  && rr.getStatus().getOverallPhase().isTerminal();
            });
  }
}
