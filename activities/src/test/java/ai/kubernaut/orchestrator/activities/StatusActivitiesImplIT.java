package ai.kubernaut.orchestrator.activities;

import static ai.kubernaut.orchestrator.activities.TestRemediations.ref;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.activities.kube.TemporalUi;
import ai.kubernaut.orchestrator.api.v1alpha1.Deduplication;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult.Disposition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StandInExtension.class)
class StatusActivitiesImplIT {

  private static final String STATUS_PUT = ".*/remediationrequests/disk-full/status";
  private static final String RR_GET = ".*/remediationrequests/disk-full";

  static KubernetesApiStandIn api;
  static KubernetesClient client;
  static KubernetesClient gateway;

  String ns;
  RemediationRequest rr;
  RemediationRef rrRef;
  String workflowId;
  ActivityMetrics metrics;
  StatusActivitiesImpl activities;
  TestActivityEnvironment env;
  StatusActivities stub;

  @BeforeEach
  void setUp() {
    ns = StandIn.namespace(api);
    rr = StandIn.create(client, ns, rr("disk-full").build());
    rrRef = ref(rr);
    workflowId = "rr/" + ns + "/disk-full/" + rrRef.uid();
    metrics = ActivityMetrics.inMemory();
    activities =
        new StatusActivitiesImpl(
            client, Clock.systemUTC(), metrics, new TemporalUi("http://temporal-ui:8080", "prod"));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(activities);
    stub = env.newActivityStub(StatusActivities.class, StandIn.once());
  }

  @AfterEach
  void tearDown() {
    api.faults().clear();
    env.close();
  }

  @Test
  void projectsTheStatusWithGenerationConditionsAndTemporalReference() {
    StatusWriteResult result = activities.writeStatus(write("run-1", 1, TestStatuses.processing()));

    assertThat(result).isEqualTo(new StatusWriteResult(Disposition.APPLIED, 1));
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.PROCESSING);
    assertThat(status.getObservedGeneration()).isEqualTo(read().getMetadata().getGeneration());
    assertThat(status.getStatusSequence()).isEqualTo(1L);
    assertThat(status.getStatusRunId()).isEqualTo("run-1");
    assertThat(status.getTemporal().getWorkflowId()).isEqualTo(workflowId);
    assertThat(status.getTemporal().getRunId()).isEqualTo("run-1");
    assertThat(status.getShortFingerprint())
        .isEqualTo(TestRemediations.FINGERPRINT.substring(0, 12))
        .hasSize(RemediationRequestSpec.SHORT_FINGERPRINT_LENGTH);
    assertThat(status.getTemporal().getUiURL())
        .startsWith("http://temporal-ui:8080/namespaces/prod/workflows/rr%2F" + ns)
        .endsWith("/run-1/history");
    assertThat(status.getTimeoutConfig().getProcessing()).isEqualTo("5m0s");
    assertThat(status.getSignalProcessingRef().getUid()).isEqualTo("sp-uid");
    assertThat(status.getOverallProgress()).isEqualTo(5);
    Condition ready = condition(status, "Ready");
    assertThat(ready.getStatus()).isEqualTo("Unknown");
    assertThat(ready.getReason()).isEqualTo("Processing");
    assertThat(condition(status, "SignalProcessed").getReason()).isEqualTo("InProgress");
  }

  @Test
  void readyBecomesTrueWhenRemediated() {
    activities.writeStatus(write("run-1", 1, TestStatuses.processing()));

    activities.writeStatus(write("run-1", 2, TestStatuses.completed(Outcome.Remediated)));

    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("Remediated");
    assertThat(status.getCompletionTime()).isNotNull();
  }

  @Test
  void writingTheSameSequenceTwiceChangesNothingAndEmitsEachEventOnce() {
    StatusWrite write =
        new StatusWrite(
            rrRef,
            workflowId,
            "run-1",
            1,
            TestStatuses.processing(),
            List.of(
                EventRecord.normal("PhaseTransition", "Pending -> Processing"),
                EventRecord.normal("ChildCreated", "created SignalProcessing sp-disk-full")));

    StatusWriteResult first = activities.writeStatus(write);
    String version = read().getMetadata().getResourceVersion();
    StatusWriteResult second = activities.writeStatus(write);

    assertThat(first.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(second).isEqualTo(new StatusWriteResult(Disposition.STALE, 1));
    assertThat(read().getMetadata().getResourceVersion()).isEqualTo(version);
    List<Event> events = client.v1().events().inNamespace(ns).list().getItems();
    assertThat(events).hasSize(2);
    assertThat(events)
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder("PhaseTransition", "ChildCreated");
    Event event = events.get(0);
    assertThat(event.getInvolvedObject().getUid()).isEqualTo(rrRef.uid());
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("RemediationRequest");
    assertThat(event.getInvolvedObject().getResourceVersion()).isNotBlank();
    assertThat(event.getSource().getComponent()).isEqualTo("remediation-orchestrator");
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getMetadata().getName()).startsWith("disk-full.");
  }

  @Test
  void aRetryAfterTheEventsFailedEmitsThemWithoutWritingAgain() {
    StatusWrite write =
        new StatusWrite(
            rrRef,
            workflowId,
            "run-1",
            1,
            TestStatuses.processing(),
            List.of(EventRecord.warning("ChildFailed", "SignalProcessing failed")));
    api.faults().add(FaultRule.on("POST", "/api/v1/namespaces/[^/]+/events").respond(503).times(1));

    assertThatThrownBy(() -> activities.writeStatus(write))
        .isInstanceOf(KubernetesClientException.class);
    StatusWriteResult retry = activities.writeStatus(write);

    assertThat(retry).isEqualTo(new StatusWriteResult(Disposition.STALE, 1));
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .singleElement()
        .satisfies(event -> assertThat(event.getType()).isEqualTo("Warning"));
  }

  @Test
  void anOlderSequenceNeverOverwritesANewerStatus() {
    activities.writeStatus(write("run-1", 5, TestStatuses.completed(Outcome.Remediated)));

    StatusWriteResult result = activities.writeStatus(write("run-1", 4, TestStatuses.processing()));

    assertThat(result).isEqualTo(new StatusWriteResult(Disposition.STALE, 5));
    assertThat(read().getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
  }

  @Test
  void aRetriedWorkflowTasksWriteOfTheSameSequenceWinsAndTheOlderTasksIsStale() {
    StatusWrite refused =
        new StatusWrite(
            rrRef,
            workflowId,
            "run-1",
            3,
            12,
            TestStatuses.processing(),
            List.of(EventRecord.normal("SignalProcessingCreated", "created SignalProcessing sp")));
    StatusWrite retried =
        new StatusWrite(
            rrRef,
            workflowId,
            "run-1",
            3,
            17,
            TestStatuses.completed(Outcome.Remediated),
            List.of(
                EventRecord.normal("SignalProcessingCreated", "created SignalProcessing sp"),
                EventRecord.normal("RemediationCompleted", "done")));

    activities.writeStatus(refused);
    StatusWriteResult newer = activities.writeStatus(retried);
    StatusWriteResult older = activities.writeStatus(refused);

    assertThat(newer.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(older).isEqualTo(new StatusWriteResult(Disposition.STALE, 3));
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(status.getStatusSequence()).isEqualTo(3L);
    assertThat(status.getStatusWorkflowTask()).isEqualTo(17L);
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder("SignalProcessingCreated", "RemediationCompleted");
  }

  @Test
  void aNewRunTakesOverWhateverTheSequence() {
    activities.writeStatus(write("run-1", 40, TestStatuses.processing()));

    StatusWriteResult result =
        activities.writeStatus(write("run-2", 1, TestStatuses.completed(Outcome.Remediated)));

    assertThat(result.disposition()).isEqualTo(Disposition.APPLIED);
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getStatusRunId()).isEqualTo("run-2");
    assertThat(status.getStatusSequence()).isEqualTo(1L);
    assertThat(status.getTemporal().getRunId()).isEqualTo("run-2");
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
  }

  @Test
  void theGatewaysDeduplicationWrittenBetweenOurReadAndWriteSurvives() {
    activities.writeStatus(write("run-1", 1, TestStatuses.pending()));
    FaultRule slowRead =
        api.faults().add(FaultRule.on("GET", RR_GET).delay(Duration.ofMillis(1500)).times(1));
    // another replica: it has no copy of our last write, so it reads the RR first
    StatusActivitiesImpl otherReplica =
        new StatusActivitiesImpl(client, Clock.systemUTC(), metrics, TemporalUi.none());

    CompletableFuture<StatusWriteResult> ours =
        CompletableFuture.supplyAsync(
            () -> otherReplica.writeStatus(write("run-1", 2, TestStatuses.processing())));
    await().atMost(Duration.ofSeconds(5)).until(() -> slowRead.hits() == 1);
    gatewayCounts(7);

    assertThat(ours.join().disposition()).isEqualTo(Disposition.APPLIED);
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getDeduplication().getOccurrenceCount()).isEqualTo(7);
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.PROCESSING);
    assertThat(conflicts()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aRunsFirstWriteStartsFromTheWorkersCacheWithoutARead() {
    RemediationRequest current = read();
    StatusActivitiesImpl cached =
        new StatusActivitiesImpl(
            client, Clock.systemUTC(), metrics, TemporalUi.none(), (n, name) -> current);
    FaultRule reads = api.faults().add(FaultRule.on("GET", RR_GET)); // counts, changes nothing

    StatusWriteResult result = cached.writeStatus(write("run-1", 1, TestStatuses.processing()));

    assertThat(result.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(reads.hits()).isZero();
    assertThat(read().getStatus().getOverallPhase()).isEqualTo(RemediationPhase.PROCESSING);
    assertThat(current.getStatus()).as("the cache's object is not modified").isNull();
  }

  @Test
  void aStaleCacheCostsOneConflictAndOneReadAndLosesNoOtherWritersChange() {
    RemediationRequest asCreated = read();
    gatewayCounts(3); // the cache has not seen this yet
    StatusActivitiesImpl cached =
        new StatusActivitiesImpl(
            client, Clock.systemUTC(), metrics, TemporalUi.none(), (n, name) -> asCreated);
    FaultRule reads = api.faults().add(FaultRule.on("GET", RR_GET));

    StatusWriteResult result = cached.writeStatus(write("run-1", 1, TestStatuses.processing()));

    assertThat(result.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(reads.hits()).isEqualTo(1);
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getDeduplication().getOccurrenceCount()).isEqualTo(3);
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.PROCESSING);
  }

  @Test
  void aFollowingWriteStartsFromOurLastWriteYetKeepsAnotherWritersChange() {
    FaultRule reads = api.faults().add(FaultRule.on("GET", RR_GET)); // counts, changes nothing

    activities.writeStatus(write("run-1", 1, TestStatuses.pending()));
    activities.writeStatus(write("run-1", 2, TestStatuses.processing()));
    int readsByTwoWrites = reads.hits();
    gatewayCounts(4); // reads and writes the RR in between: our copy is now stale
    StatusWriteResult third =
        activities.writeStatus(write("run-1", 3, TestStatuses.completed(Outcome.Remediated)));
    int readsByThirdWrite = reads.hits() - readsByTwoWrites - 1;

    assertThat(readsByTwoWrites).isEqualTo(1);
    assertThat(third.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(readsByThirdWrite).isEqualTo(1);
    RemediationRequestStatus status = read().getStatus();
    assertThat(status.getDeduplication().getOccurrenceCount()).isEqualTo(4);
    assertThat(status.getStatusSequence()).isEqualTo(3L);
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(conflicts()).isZero(); // a stale copy of ours is not a conflict with another writer
  }

  @Test
  void keepsTheGatewaysDeduplicationOnEveryWrite() {
    gatewayCounts(3);

    activities.writeStatus(write("run-1", 1, TestStatuses.processing()));
    activities.writeStatus(write("run-1", 2, TestStatuses.completed(Outcome.Remediated)));

    assertThat(read().getStatus().getDeduplication().getOccurrenceCount()).isEqualTo(3);
  }

  @Test
  void retriesConflictsFromAFreshRead() {
    api.faults().add(FaultRule.on("PUT", STATUS_PUT).respond(409).times(2));

    StatusWriteResult result = activities.writeStatus(write("run-1", 1, TestStatuses.processing()));

    assertThat(result.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(conflicts()).isEqualTo(2.0);
    assertThat(read().getStatus().getStatusSequence()).isEqualTo(1L);
  }

  @Test
  void endlessConflictsLeaveItToTemporalsRetry() {
    api.faults().add(FaultRule.on("PUT", STATUS_PUT).respond(409));

    assertThatThrownBy(() -> stub.writeStatus(write("run-1", 1, TestStatuses.processing())))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).endsWith("StatusConflictException");
            });
    assertThat(conflicts()).isEqualTo(5.0);
    assertThat(
            metrics
                .registry()
                .find(ActivityMetrics.STATUS_WRITE_FAILURES)
                .tag("cause", "conflicts_exhausted")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aGoneRrIsReportedNotFailed() {
    client.resource(rr).delete();
    await().until(() -> client.resource(rr).get() == null);

    StatusWriteResult result = activities.writeStatus(write("run-1", 1, TestStatuses.processing()));

    assertThat(result.disposition()).isEqualTo(Disposition.GONE);
  }

  @Test
  void anRrRecreatedWithTheSameNameIsAnotherRemediation() {
    RemediationRef previous = new RemediationRef(ns, "disk-full", "uid-of-a-deleted-rr");

    StatusWriteResult result =
        activities.writeStatus(
            new StatusWrite(
                previous, workflowId, "run-1", 1, TestStatuses.processing(), List.of()));

    assertThat(result.disposition()).isEqualTo(Disposition.GONE);
    assertThat(read().getStatus()).isNull();
  }

  @Test
  void unavailableApiIsRetryableAndInvalidStatusIsNot() {
    api.faults().add(FaultRule.on("PUT", STATUS_PUT).respond(503).times(1));

    assertThatThrownBy(() -> stub.writeStatus(write("run-1", 1, TestStatuses.processing())))
        .satisfies(
            thrown -> assertThat(StandIn.applicationFailure(thrown).isNonRetryable()).isFalse());

    api.faults().clear();
    api.faults().add(FaultRule.on("PUT", STATUS_PUT).respond(422).times(1));

    assertThatThrownBy(() -> stub.writeStatus(write("run-1", 1, TestStatuses.processing())))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_SPEC);
            });
  }

  private StatusWrite write(String runId, long sequence, DesiredStatus status) {
    return new StatusWrite(rrRef, workflowId, runId, sequence, status, List.of());
  }

  private RemediationRequest read() {
    return client.resources(RemediationRequest.class).inNamespace(ns).withName("disk-full").get();
  }

  /** The Gateway bumps status.deduplication through the status subresource, as it does. */
  private void gatewayCounts(int occurrences) {
    RemediationRequest current =
        gateway.resources(RemediationRequest.class).inNamespace(ns).withName("disk-full").get();
    if (current.getStatus() == null) {
      current.setStatus(new RemediationRequestStatus());
    }
    Deduplication deduplication = new Deduplication();
    deduplication.setIsDuplicate(true);
    deduplication.setOccurrenceCount(occurrences);
    current.getStatus().setDeduplication(deduplication);
    gateway.resource(current).updateStatus();
  }

  private double conflicts() {
    var counter = metrics.registry().find(ActivityMetrics.STATUS_WRITE_CONFLICTS).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Condition condition(RemediationRequestStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type));
  }
}
