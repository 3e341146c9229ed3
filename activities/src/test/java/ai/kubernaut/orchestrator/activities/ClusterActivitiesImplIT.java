package ai.kubernaut.orchestrator.activities;

import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StandInExtension.class)
class ClusterActivitiesImplIT {

  static KubernetesApiStandIn api;
  static KubernetesClient client;

  @Test
  void computesTheRateFromTheInformerCacheAcrossNamespaces() {
    Instant now = Instant.now();
    String a = StandIn.namespace(api);
    String b = StandIn.namespace(api);
    ended(a, "ok-1", RemediationPhase.COMPLETED, now.minusSeconds(60));
    ended(a, "failed-1", RemediationPhase.FAILED, now.minusSeconds(120));
    ended(b, "timed-out-1", RemediationPhase.TIMED_OUT, now.minusSeconds(600));
    ended(b, "old-failure", RemediationPhase.FAILED, now.minus(Duration.ofHours(3)));
    StandIn.create(client, b, rr("running").build());

    try (SharedIndexInformer<RemediationRequest> informer =
        ClusterActivitiesImpl.informer(client, 0)) {
      informer.start();
      ClusterActivitiesImpl activities = new ClusterActivitiesImpl(informer, Clock.systemUTC());
      await().until(() -> informer.hasSynced() && api.openWatches() == 1);
      long requestsBefore = requests();

      TerminationRate rate =
          activities.terminationRate(new TerminationRateQuery(Duration.ofHours(1)));
      activities.terminationRate(new TerminationRateQuery(Duration.ofHours(1)));

      assertThat(rate).isEqualTo(new TerminationRate(2, 3));
      assertThat(requests()).isEqualTo(requestsBefore);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> api.openWatches() == 0);
  }

  private static long requests() {
    return api.requestLog().calls().values().stream().mapToLong(Long::longValue).sum();
  }

  private void ended(String ns, String name, RemediationPhase phase, Instant completion) {
    RemediationRequest rr = StandIn.create(client, ns, rr(name).build());
    RemediationRequestStatus status = new RemediationRequestStatus();
    status.setOverallPhase(phase);
    status.setCompletionTime(completion.toString());
    rr.setStatus(status);
    client.resource(rr).updateStatus();
  }
}
