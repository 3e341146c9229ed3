package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InformerComponentTest {

  @Test
  void keepsListingWhenTheFirstListFails() throws Exception {
    try (KubernetesApiStandIn api = KubernetesApiStandIn.start();
        KubernetesClient client = api.newClient(b -> b.withRequestRetryBackoffLimit(0))) {
      FaultRule failing =
          api.faults()
              .add(
                  FaultRule.on("GET", "/apis/kubernaut\\.ai/v1alpha1/remediationrequests")
                      .respond(503)
                      .times(2));
      SharedIndexInformer<RemediationRequest> informer =
          client.resources(RemediationRequest.class).inAnyNamespace().runnableInformer(0);
      InformerComponent component = new InformerComponent("remediation cache", informer);

      component.start();

      await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
      assertThat(failing.hits()).isEqualTo(2);
      component.stop(Duration.ofSeconds(1));
    }
  }
}
