package ai.kubernaut.orchestrator.orchestrator.realstack;

import static ai.kubernaut.orchestrator.activities.TestRemediations.ref;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.activities.ActivityMetrics;
import ai.kubernaut.orchestrator.activities.StatusActivitiesImpl;
import ai.kubernaut.orchestrator.activities.TestStatuses;
import ai.kubernaut.orchestrator.activities.kube.TemporalUi;
import ai.kubernaut.orchestrator.api.v1alpha1.Deduplication;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult.Disposition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Status writes against a real API server's optimistic concurrency: a write with a stale
 * resourceVersion gets a real 409 (the stand-in accepted it), and the status activity's retry from
 * a fresh read keeps another writer's field and never moves the status backwards. The activity uses
 * the orchestrator's ServiceAccount, so the API server's audit log shows each of its answers.
 */
@ExtendWith(RealKubernetesExtension.class)
class OptimisticConcurrencyRealIT {

  private static final String NS = "concurrency";
  private static final AtomicInteger NEXT = new AtomicInteger();

  private KubernetesClient admin;
  private KubernetesClient orchestratorClient;
  private RealKubernetes kubernetes;
  private RemediationRef rrRef;
  private ActivityMetrics metrics;
  private StatusActivitiesImpl activities;

  @BeforeEach
  void createRemediation(RealOrchestratorStack stack) {
    admin = stack.admin();
    stack.newNamespace(NS);
    String name = "disk-full-" + NEXT.incrementAndGet();
    RemediationRequest created = admin.resource(rr(name).build()).inNamespace(NS).create();
    rrRef = ref(created);
    metrics = ActivityMetrics.inMemory();
    kubernetes = stack.kubernetes();
    orchestratorClient = RealKubernetes.clientFor(stack.serviceAccountKubeconfig());
    activities =
        new StatusActivitiesImpl(orchestratorClient, Clock.systemUTC(), metrics, TemporalUi.none());
  }

  @Test
  void aStatusWriteWithAStaleResourceVersionGetsARealConflict() {
    RemediationRequest stale = read();
    gatewayCounts(2);

    stale.setStatus(new RemediationRequestStatus());
    stale.getStatus().setOverallPhase(RemediationPhase.FAILED);

    assertThatThrownBy(() -> admin.resource(stale).updateStatus())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(read().getStatus().getOverallPhase()).isNull();
  }

  @Test
  void theActivityRetriesARealConflictFromAFreshReadAndKeepsTheGatewaysField() {
    activities.writeStatus(write(1, TestStatuses.pending()));
    activities.writeStatus(write(2, TestStatuses.processing()));
    gatewayCounts(4); // our last write's resourceVersion is now stale

    var third = activities.writeStatus(write(3, TestStatuses.completed(Outcome.Remediated)));

    assertThat(third.disposition()).isEqualTo(Disposition.APPLIED);
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(status.getStatusSequence()).isEqualTo(3L);
    assertThat(status.getDeduplication().getOccurrenceCount()).isEqualTo(4);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(statusPutCodes())
                    .as("our stale copy got a real 409, the write from a fresh read a 200")
                    .containsExactly(200, 200, 409, 200));
    assertThat(conflicts()).as("a stale copy of ours is no conflict with another writer").isZero();
  }

  @Test
  void anOlderSequenceNeverMovesTheStatusBackwards() {
    activities.writeStatus(write(2, TestStatuses.completed(Outcome.Remediated)));
    StatusActivitiesImpl otherReplica =
        new StatusActivitiesImpl(orchestratorClient, Clock.systemUTC(), metrics, TemporalUi.none());

    var late = otherReplica.writeStatus(write(1, TestStatuses.processing()));

    assertThat(late.disposition()).isNotEqualTo(Disposition.APPLIED);
    assertThat(read().getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(read().getStatus().getStatusSequence()).isEqualTo(2L);
  }

  /** The response codes of the activity's status PUTs for this RR, in order (audit log). */
  private List<Integer> statusPutCodes() {
    String uri = "/namespaces/" + NS + "/remediationrequests/" + rrRef.name() + "/status";
    return AuditLog.read(kubernetes).stream()
        .filter(e -> e.uri().contains(uri) && "update".equals(e.call().verb()))
        .map(AuditLog.Entry::code)
        .toList();
  }

  @AfterEach
  void closeClient() {
    orchestratorClient.close();
  }

  private StatusWrite write(long sequence, DesiredStatus status) {
    String workflowId = "rr/" + NS + "/" + rrRef.name() + "/" + rrRef.uid();
    return new StatusWrite(rrRef, workflowId, "run-1", sequence, status, List.of());
  }

  private RemediationRequest read() {
    return admin.resources(RemediationRequest.class).inNamespace(NS).withName(rrRef.name()).get();
  }

  /** The Gateway bumps status.deduplication through the status subresource. */
  private void gatewayCounts(int occurrences) {
    RemediationRequest current = read();
    if (current.getStatus() == null) {
      current.setStatus(new RemediationRequestStatus());
    }
    Deduplication deduplication = new Deduplication();
    deduplication.setIsDuplicate(true);
    deduplication.setOccurrenceCount(occurrences);
    current.getStatus().setDeduplication(deduplication);
    admin.resource(current).updateStatus();
  }

  private double conflicts() {
    var counter = metrics.registry().find(ActivityMetrics.STATUS_WRITE_CONFLICTS).counter();
    return counter == null ? 0 : counter.count();
  }
}
