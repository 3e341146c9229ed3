package ai.kubernaut.orchestrator.activities;

import static ai.kubernaut.orchestrator.activities.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.activities.TestRemediations.ref;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static ai.kubernaut.orchestrator.activities.TestRemediations.sp;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.kube.ChildMetadata;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.ChildKey;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildObservation;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.RecoveryContext;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(StandInExtension.class)
class ChildActivitiesImplIT {

  private static final Instant DEADLINE = Instant.parse("2030-01-01T10:05:00Z");

  static KubernetesApiStandIn api;
  static KubernetesClient client;

  String ns;
  RemediationRequest rr;
  RemediationRef rrRef;
  ActivityMetrics metrics;
  ChildActivitiesImpl activities;
  TestActivityEnvironment env;
  ChildActivities stub;

  @BeforeEach
  void setUp() {
    ns = StandIn.namespace(api);
    rr = StandIn.create(client, ns, rr("disk-full").build());
    rrRef = ref(rr);
    metrics = ActivityMetrics.inMemory();
    activities = new ChildActivitiesImpl(client, Clock.systemUTC(), metrics);
    env = TestActivityEnvironment.newInstance();
    stub = StandIn.childStub(env, activities);
  }

  @AfterEach
  void tearDown() {
    api.faults().clear();
    env.close();
  }

  @Test
  void createsTheSignalProcessingOwnedByTheRrWithTheSignal() {
    ChildRef ref =
        activities.createSignalProcessing(
            new CreateSignalProcessing(rrRef, "sp-disk-full", DEADLINE));

    SignalProcessing sp = get(SignalProcessing.class, "sp-disk-full");
    assertThat(ref)
        .isEqualTo(new ChildRef(ChildKind.SignalProcessing, "sp-disk-full", uid(sp), false));
    assertOwnedAndLabelled(sp);
    assertThat(sp.getSpec().getSignal().getFingerprint()).isEqualTo(TestRemediations.FINGERPRINT);
    assertThat(sp.getSpec().getSignal().getProviderData()).isEqualTo("{\"value\":\"0.93\"}");
    assertThat(sp.getSpec().getTimesOutAt()).isEqualTo("2030-01-01T10:05:00Z");
    assertThat(counter("SignalProcessing", "created")).isEqualTo(1.0);
  }

  @Test
  void takesTheRrFromTheWorkersCacheWhenItHasItAndReadsItOtherwise() {
    FaultRule reads =
        api.faults().add(FaultRule.on("GET", ".*/remediationrequests/disk-full")); // counts only
    ChildActivitiesImpl cached =
        new ChildActivitiesImpl(client, Clock.systemUTC(), metrics, (namespace, name) -> rr);

    cached.createSignalProcessing(new CreateSignalProcessing(rrRef, "sp-disk-full", DEADLINE));
    int readsWithTheRrCached = reads.hits();
    RemediationRef recreated = new RemediationRef(ns, "disk-full", "uid-of-a-newer-rr");
    assertThatThrownBy(
            () ->
                cached.createSignalProcessing(
                    new CreateSignalProcessing(recreated, "sp-other", DEADLINE)))
        .isInstanceOf(ApplicationFailure.class);

    assertThat(readsWithTheRrCached).isZero();
    assertThat(get(SignalProcessing.class, "sp-disk-full").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid)
        .containsExactly(uid(rr));
    assertThat(reads.hits()).isEqualTo(1); // a cached RR with another UID is not trusted: read
  }

  @Test
  void creatingTwiceAdoptsTheFirstChild() {
    CreateSignalProcessing request = new CreateSignalProcessing(rrRef, "sp-disk-full", DEADLINE);

    ChildRef first = activities.createSignalProcessing(request);
    ChildRef second = activities.createSignalProcessing(request);

    assertThat(second.uid()).isEqualTo(first.uid());
    assertThat(second.adopted()).isTrue();
    assertThat(list(SignalProcessing.class)).hasSize(1);
    assertThat(counter("SignalProcessing", "adopted")).isEqualTo(1.0);
  }

  @Test
  void aChildControlledBySomeoneElseIsNotAdopted() {
    SignalProcessing foreign = spCompleted("sp-disk-full", "prod", "P1");
    foreign.getMetadata().setNamespace(ns);
    foreign.getMetadata().setOwnerReferences(List.of(otherOwner()));
    client.resource(foreign).create();

    assertThatThrownBy(
            () ->
                stub.createSignalProcessing(
                    new CreateSignalProcessing(rrRef, "sp-disk-full", DEADLINE)))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.getType()).isEqualTo(FailureTypes.CHILD_OWNED_BY_OTHER);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("RemediationRequest other-rr (uid other-uid)")
                  .contains("RemediationRequest disk-full (uid " + rrRef.uid() + ")");
            });
  }

  @Test
  void aGoneRrFailsNonRetryably() {
    RemediationRef gone = new RemediationRef(ns, "disk-full", "not-the-uid");

    assertThatThrownBy(
            () -> stub.createSignalProcessing(new CreateSignalProcessing(gone, "sp-x", DEADLINE)))
        .satisfies(
            thrown ->
                assertThat(StandIn.applicationFailure(thrown).getType())
                    .isEqualTo(FailureTypes.REMEDIATION_REQUEST_GONE));
  }

  @Test
  void longRrNamesGiveShortenedChildNamesAndLabels() {
    String longName = "disk-full-" + "x".repeat(240);
    RemediationRequest longRr = StandIn.create(client, ns, rr(longName).build());
    String spName = ChildNames.signalProcessing(longName);

    ChildRef ref =
        activities.createSignalProcessing(
            new CreateSignalProcessing(ref(longRr), spName, DEADLINE));

    SignalProcessing sp = get(SignalProcessing.class, spName);
    assertThat(ref.name()).hasSizeLessThanOrEqualTo(253);
    assertThat(sp.getMetadata().getLabels())
        .containsEntry(Labels.REMEDIATION_REQUEST, Labels.value(longName));
    assertThat(sp.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(longRr.getMetadata().getUid());
    assertThat(
            client
                .resources(SignalProcessing.class)
                .inNamespace(ns)
                .withLabel(Labels.REMEDIATION_REQUEST, Labels.value(longName))
                .list()
                .getItems())
        .hasSize(1);
  }

  @Test
  void createsTheAnalysisWithTheSignalProcessingEnrichment() {
    createOwned(spCompleted("sp-disk-full", "production", "P1"));

    ChildRef ref =
        activities.createAIAnalysis(
            new CreateAIAnalysis(rrRef, "ai-disk-full", "sp-disk-full", null, DEADLINE));

    AIAnalysis ai = get(AIAnalysis.class, "ai-disk-full");
    assertThat(ref.uid()).isEqualTo(uid(ai));
    assertOwnedAndLabelled(ai);
    assertThat(ai.getSpec().getSignalContext().getEnvironment()).isEqualTo("production");
    assertThat(ai.getSpec().getSignalContext().getPriority()).isEqualTo("P1");
    assertThat(ai.getSpec().getSignalContext().getEnrichment().getSummary()).contains("3 replicas");
  }

  @Test
  void takesAFinishedChildFromTheBridgesCacheAndReadsAnUnfinishedOne() {
    SignalProcessing stored = createOwned(spCompleted("sp-disk-full", "production", "P1"));
    FaultRule reads =
        api.faults().add(FaultRule.on("GET", ".*/signalprocessings/sp-disk-full")); // counts only
    SignalProcessing[] cache = {stored};
    ChildActivitiesImpl cached =
        new ChildActivitiesImpl(
            client,
            Clock.systemUTC(),
            metrics,
            RemediationLookup.NONE,
            new ChildLookup() {
              @Override
              public <T extends HasMetadata> T cached(Class<T> type, String n, String name) {
                return type.cast(cache[0]);
              }
            });

    cached.createAIAnalysis(
        new CreateAIAnalysis(rrRef, "ai-disk-full", "sp-disk-full", null, DEADLINE));
    int readsWithTheFinishedChildCached = reads.hits();
    cache[0] = sp(ns, "sp-disk-full", spStatus(SignalProcessingPhase.ENRICHING));
    cached.createAIAnalysis(
        new CreateAIAnalysis(rrRef, "ai-disk-full-2", "sp-disk-full", null, DEADLINE));

    assertThat(readsWithTheFinishedChildCached).isZero();
    assertThat(reads.hits()).as("a cache behind the child's end is not trusted: read").isEqualTo(1);
    assertThat(get(AIAnalysis.class, "ai-disk-full").getSpec().getSignalContext().getPriority())
        .isEqualTo("P1");
    assertThat(get(AIAnalysis.class, "ai-disk-full-2").getSpec().getSignalContext().getPriority())
        .isEqualTo("P1");
    assertThat(stored.getMetadata().getAnnotations())
        .as("the cache's object is untouched")
        .isNullOrEmpty();
  }

  @Test
  void createsTheRecoveryAnalysisWithTheFailure() {
    createOwned(spCompleted("sp-disk-full", "production", "P1"));
    RecoveryContext recovery =
        new RecoveryContext(
            1,
            "we-disk-full",
            2,
            "restart",
            "Timeout",
            "step 2 timed out",
            List.of("ai-disk-full"));

    activities.createAIAnalysis(
        new CreateAIAnalysis(rrRef, "ai-disk-full-recovery-1", "sp-disk-full", recovery, DEADLINE));

    AIAnalysis ai = get(AIAnalysis.class, "ai-disk-full-recovery-1");
    assertThat(ai.getSpec().getIsRecoveryAttempt()).isTrue();
    assertThat(ai.getSpec().getRecoveryAttemptNumber()).isEqualTo(1);
    assertThat(ai.getSpec().getFailedWorkflowRef().getName()).isEqualTo("we-disk-full");
    assertThat(ai.getSpec().getFailedStep()).isEqualTo(2);
    assertThat(ai.getSpec().getFailureReason()).contains("step 2 timed out").contains("Timeout");
    assertThat(ai.getSpec().getPreviousAIAnalysisRefs())
        .extracting(r -> r.getName())
        .containsExactly("ai-disk-full");
  }

  @Test
  void createsTheApprovalRequestAndTheExecutionFromTheAnalysis() {
    AIAnalysis ai = createOwned(aiCompleted("ai-disk-full", "restart-pods", true));

    ChildRef rar =
        activities.createApprovalRequest(
            new CreateApprovalRequest(rrRef, "rar-disk-full", "ai-disk-full", DEADLINE));
    ChildRef we =
        activities.createWorkflowExecution(
            new CreateWorkflowExecution(rrRef, "we-disk-full", "ai-disk-full", 1, DEADLINE));

    RemediationApprovalRequest storedRar = get(RemediationApprovalRequest.class, rar.name());
    assertOwnedAndLabelled(storedRar);
    assertThat(storedRar.getSpec().getAiAnalysisRef().getUid()).isEqualTo(uid(ai));
    assertThat(storedRar.getSpec().getConfidence()).isEqualTo(0.72);
    assertThat(storedRar.getSpec().getRecommendedWorkflow().getWorkflowId())
        .isEqualTo("restart-pods");
    assertThat(storedRar.getSpec().getRequiredBy()).isEqualTo("2030-01-01T10:05:00Z");
    WorkflowExecution storedWe = get(WorkflowExecution.class, we.name());
    assertOwnedAndLabelled(storedWe);
    assertThat(storedWe.getSpec().getWorkflowRef().getWorkflowId()).isEqualTo("restart-pods");
    assertThat(storedWe.getSpec().getParameters()).containsEntry("replicas", "3");
    assertThat(storedWe.getSpec().getTargetResource().getName()).isEqualTo("web");
  }

  @Test
  void everyCreateRunTwiceLeavesOneAdoptedChild() {
    createOwned(spCompleted("sp-disk-full", "production", "P1"));
    createOwned(aiCompleted("ai-disk-full", "restart-pods", true));
    CreateAIAnalysis ai =
        new CreateAIAnalysis(rrRef, "ai-disk-full-recovery-1", "sp-disk-full", null, DEADLINE);
    CreateApprovalRequest rar =
        new CreateApprovalRequest(rrRef, "rar-disk-full", "ai-disk-full", DEADLINE);
    CreateWorkflowExecution we =
        new CreateWorkflowExecution(rrRef, "we-disk-full", "ai-disk-full", 1, DEADLINE);

    List<ChildRef> first =
        List.of(
            activities.createAIAnalysis(ai),
            activities.createApprovalRequest(rar),
            activities.createWorkflowExecution(we));
    List<ChildRef> second =
        List.of(
            activities.createAIAnalysis(ai),
            activities.createApprovalRequest(rar),
            activities.createWorkflowExecution(we));

    assertThat(first).noneMatch(ChildRef::adopted);
    assertThat(second).allMatch(ChildRef::adopted);
    assertThat(second)
        .extracting(ChildRef::uid)
        .isEqualTo(first.stream().map(ChildRef::uid).toList());
    assertThat(list(AIAnalysis.class)).hasSize(2);
    assertThat(list(RemediationApprovalRequest.class)).hasSize(1);
    assertThat(list(WorkflowExecution.class)).hasSize(1);
  }

  @Test
  void anExecutionWithoutASelectedWorkflowIsInvalid() {
    AIAnalysis ai = aiCompleted("ai-disk-full", "restart-pods", false);
    ai.getStatus().setSelectedWorkflow(null);
    createOwned(ai);

    assertThatThrownBy(
            () ->
                stub.createWorkflowExecution(
                    new CreateWorkflowExecution(
                        rrRef, "we-disk-full", "ai-disk-full", 1, DEADLINE)))
        .satisfies(
            thrown ->
                assertThat(StandIn.applicationFailure(thrown).getType())
                    .isEqualTo(FailureTypes.INVALID_SPEC));
  }

  @Test
  void readsAChildThatIsNotThereYetAsNotFound() {
    ChildObservation observation =
        activities.readChildStatus(new ChildKey(rrRef, ChildKind.AIAnalysis, "ai-disk-full"));

    assertThat(observation).isEqualTo(ChildObservation.notFound());
  }

  @Test
  void aChildOfAnotherOwnerIsNotThisRemediationsChild() {
    SignalProcessing foreign = spCompleted("sp-disk-full", "prod", "P1");
    foreign.getMetadata().setNamespace(ns);
    foreign.getMetadata().setOwnerReferences(List.of(otherOwner()));
    client.resource(foreign).create();

    ChildObservation observation =
        activities.readChildStatus(new ChildKey(rrRef, ChildKind.SignalProcessing, "sp-disk-full"));

    assertThat(observation.found()).isFalse();
  }

  @Test
  void readsEachKindsStatus() {
    createOwned(spCompleted("sp-disk-full", "production", "P1"));
    createOwned(aiCompleted("ai-disk-full", "restart-pods", true));

    ChildObservation sp =
        activities.readChildStatus(new ChildKey(rrRef, ChildKind.SignalProcessing, "sp-disk-full"));
    ChildObservation ai =
        activities.readChildStatus(new ChildKey(rrRef, ChildKind.AIAnalysis, "ai-disk-full"));

    assertThat(sp.found()).isTrue();
    assertThat(sp.status().phase()).isEqualTo("Completed");
    assertThat(sp.status().classification().environment()).isEqualTo("production");
    assertThat(sp.status().resourceVersion()).isNotBlank();
    assertThat(ai.status().analysis().approvalRequired()).isTrue();
    assertThat(ai.status().analysis().selectedWorkflowId()).isEqualTo("restart-pods");
  }

  @Test
  void recordsAnApprovalDecisionOnceAndRefusesAContradictingOne() {
    createOwned(aiCompleted("ai-disk-full", "restart-pods", true));
    activities.createApprovalRequest(
        new CreateApprovalRequest(rrRef, "rar-disk-full", "ai-disk-full", DEADLINE));
    Instant decidedAt = Instant.parse("2030-01-01T10:01:00Z");
    ApprovalDecisionRecord approve =
        new ApprovalDecisionRecord(rrRef, "rar-disk-full", "Approved", "alice", decidedAt, "ok");

    activities.recordApprovalDecision(approve);
    String version =
        get(RemediationApprovalRequest.class, "rar-disk-full").getMetadata().getResourceVersion();
    activities.recordApprovalDecision(approve);

    RemediationApprovalRequest rar = get(RemediationApprovalRequest.class, "rar-disk-full");
    assertThat(rar.getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(rar.getStatus().getDecision()).isEqualTo(ApprovalDecision.APPROVED);
    assertThat(rar.getStatus().getDecidedBy()).isEqualTo("alice");
    assertThat(rar.getStatus().getDecidedAt()).isEqualTo("2030-01-01T10:01:00Z");
    assertThat(rar.getStatus().getDecisionMessage()).isEqualTo("ok");
    assertThat(rar.getStatus().getDecidedVia()).isEqualTo("temporal");
    assertThat(rar.getSpec().getRecommendedWorkflow().getWorkflowId()).isEqualTo("restart-pods");

    assertThatThrownBy(
            () ->
                stub.recordApprovalDecision(
                    new ApprovalDecisionRecord(
                        rrRef, "rar-disk-full", "Rejected", "bob", decidedAt, "no")))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.getType()).isEqualTo(FailureTypes.APPROVAL_ALREADY_DECIDED);
              assertThat(failure.getOriginalMessage()).contains("Approved by alice");
            });
    assertThat(get(RemediationApprovalRequest.class, "rar-disk-full").getStatus().getDecidedBy())
        .isEqualTo("alice");
  }

  @Test
  void marksOnlyTheNamedSupersededChildren() {
    createOwned(aiCompleted("ai-disk-full", "restart-pods", true));
    activities.createWorkflowExecution(
        new CreateWorkflowExecution(rrRef, "we-disk-full", "ai-disk-full", 1, DEADLINE));
    activities.createWorkflowExecution(
        new CreateWorkflowExecution(rrRef, "we-disk-full-retry-1", "ai-disk-full", 1, DEADLINE));
    activities.createApprovalRequest(
        new CreateApprovalRequest(rrRef, "rar-disk-full", "ai-disk-full", DEADLINE));

    int changed =
        activities.markChildrenTerminal(
            new TerminateChildren(
                rrRef,
                "Superseded",
                "superseded by we-disk-full-retry-1",
                List.of("we-disk-full", "rar-disk-full")));

    assertThat(changed).isEqualTo(2);
    WorkflowExecutionStatus old = get(WorkflowExecution.class, "we-disk-full").getStatus();
    assertThat(old.getPhase()).isEqualTo(WorkflowExecutionPhase.FAILED);
    assertThat(old.getFailureReason()).isEqualTo("Superseded");
    assertThat(get(WorkflowExecution.class, "we-disk-full-retry-1").getStatus()).isNull();
    assertThat(get(RemediationApprovalRequest.class, "rar-disk-full").getStatus().getDecision())
        .isEqualTo(ApprovalDecision.EXPIRED);
  }

  @Test
  void marksRunningChildrenTerminalOnceAndLeavesFinishedOnesAlone() {
    createOwned(spCompleted("sp-disk-full", "production", "P1"));
    AIAnalysis ai = aiCompleted("ai-disk-full-recovery-1", "restart-pods", true);
    ai.getStatus().setPhase(AIAnalysisPhase.INVESTIGATING);
    createOwned(ai);
    createOwned(aiCompleted("ai-disk-full", "restart-pods", true));
    activities.createApprovalRequest(
        new CreateApprovalRequest(rrRef, "rar-disk-full", "ai-disk-full", DEADLINE));
    activities.createWorkflowExecution(
        new CreateWorkflowExecution(rrRef, "we-disk-full", "ai-disk-full", 1, DEADLINE));
    NotificationRequest nr = new NotificationRequest();
    nr.setMetadata(
        new ObjectMetaBuilder()
            .withName("nr-approval-disk-full")
            .withNamespace(ns)
            .withLabels(Labels.forRemediationRequest("disk-full"))
            .build());
    client.resource(nr).create();
    TerminateChildren terminate =
        new TerminateChildren(rrRef, "ParentCancelled", "cancelled by alice");

    int first = activities.markChildrenTerminal(terminate);
    int second = activities.markChildrenTerminal(terminate);

    assertThat(first).isEqualTo(3); // running AI, WE without status, undecided RAR
    assertThat(second).isZero();
    assertThat(get(SignalProcessing.class, "sp-disk-full").getStatus().getPhase())
        .isEqualTo(SignalProcessingPhase.COMPLETED);
    assertThat(get(AIAnalysis.class, "ai-disk-full").getStatus().getPhase().value())
        .isEqualTo("Completed");
    AIAnalysis cancelled = get(AIAnalysis.class, "ai-disk-full-recovery-1");
    assertThat(cancelled.getStatus().getPhase().value()).isEqualTo("Failed");
    assertThat(cancelled.getStatus().getReason()).isEqualTo("ParentCancelled");
    assertThat(cancelled.getStatus().getMessage()).isEqualTo("ParentCancelled: cancelled by alice");
    assertThat(cancelled.getStatus().getRootCause()).isEqualTo("memory leak in the cache layer");
    WorkflowExecutionStatus we = get(WorkflowExecution.class, "we-disk-full").getStatus();
    assertThat(we.getPhase()).isEqualTo(WorkflowExecutionPhase.FAILED);
    assertThat(we.getFailureReason()).isEqualTo("ParentCancelled");
    RemediationApprovalRequest rar = get(RemediationApprovalRequest.class, "rar-disk-full");
    assertThat(rar.getStatus().getDecision()).isEqualTo(ApprovalDecision.EXPIRED);
    assertThat(rar.getStatus().getDecidedVia()).isEqualTo("temporal");
    assertThat(get(NotificationRequest.class, "nr-approval-disk-full").getStatus()).isNull();
  }

  @Test
  void extendingADeadlinePatchesOnlyTheChildsOwnDeadlineField() {
    createOwned(aiCompleted("ai-disk-full", "restart-pods", true));
    activities.createApprovalRequest(
        new CreateApprovalRequest(rrRef, "rar-disk-full", "ai-disk-full", DEADLINE));
    activities.createWorkflowExecution(
        new CreateWorkflowExecution(rrRef, "we-disk-full", "ai-disk-full", 1, DEADLINE));
    Instant later = DEADLINE.plus(Duration.ofMinutes(15));

    boolean we =
        stub.extendChildDeadline(
            new ExtendChildDeadline(rrRef, ChildKind.WorkflowExecution, "we-disk-full", later));
    boolean rar =
        stub.extendChildDeadline(
            new ExtendChildDeadline(
                rrRef, ChildKind.RemediationApprovalRequest, "rar-disk-full", later));
    boolean again =
        stub.extendChildDeadline(
            new ExtendChildDeadline(rrRef, ChildKind.WorkflowExecution, "we-disk-full", later));
    boolean gone =
        stub.extendChildDeadline(
            new ExtendChildDeadline(rrRef, ChildKind.SignalProcessing, "sp-disk-full", later));

    assertThat(List.of(we, rar, again, gone)).containsExactly(true, true, false, false);
    WorkflowExecution storedWe = get(WorkflowExecution.class, "we-disk-full");
    assertThat(storedWe.getSpec().getTimesOutAt()).isEqualTo("2030-01-01T10:20:00Z");
    assertThat(storedWe.getSpec().getWorkflowRef().getWorkflowId()).isEqualTo("restart-pods");
    assertThat(get(RemediationApprovalRequest.class, "rar-disk-full").getSpec().getRequiredBy())
        .isEqualTo("2030-01-01T10:20:00Z");
  }

  @Test
  void aDeadlineOfAChildAnotherRrControlsIsNotMoved() {
    WorkflowExecution foreign = new WorkflowExecution();
    foreign.setMetadata(
        new ObjectMetaBuilder()
            .withName("we-disk-full")
            .withNamespace(ns)
            .withOwnerReferences(otherOwner())
            .build());
    client.resources(WorkflowExecution.class).inNamespace(ns).resource(foreign).create();

    assertThatThrownBy(
            () ->
                stub.extendChildDeadline(
                    new ExtendChildDeadline(
                        rrRef, ChildKind.WorkflowExecution, "we-disk-full", DEADLINE)))
        .satisfies(
            thrown ->
                assertThat(StandIn.applicationFailure(thrown).getType())
                    .isEqualTo(FailureTypes.CHILD_OWNED_BY_OTHER));
    assertThat(get(WorkflowExecution.class, "we-disk-full").getSpec()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 429, 403}) // 403: within the grace after the first attempt
  void serverTroubleIsRetryable(int code) {
    api.faults().add(FaultRule.on("POST", ".*/signalprocessings").respond(code));

    assertThatThrownBy(
            () ->
                stub.createSignalProcessing(
                    new CreateSignalProcessing(rrRef, "sp-disk-full", DEADLINE)))
        .satisfies(
            thrown -> assertThat(StandIn.applicationFailure(thrown).isNonRetryable()).isFalse());
  }

  @Test
  void aTimeoutIsRetryable() {
    api.faults()
        .add(FaultRule.on("GET", ".*/signalprocessings/sp-disk-full").delay(Duration.ofSeconds(4)));

    assertThatThrownBy(
            () ->
                stub.readChildStatus(
                    new ChildKey(rrRef, ChildKind.SignalProcessing, "sp-disk-full")))
        .satisfies(
            thrown -> assertThat(StandIn.applicationFailure(thrown).isNonRetryable()).isFalse());
  }

  @ParameterizedTest
  @CsvSource({"422, " + FailureTypes.INVALID_SPEC, "400, " + FailureTypes.INVALID_SPEC})
  void rejectedRequestsAreNotRetried(int code, String type) {
    api.faults().add(FaultRule.on("POST", ".*/signalprocessings").respond(code));

    assertThatThrownBy(
            () ->
                stub.createSignalProcessing(
                    new CreateSignalProcessing(rrRef, "sp-disk-full", DEADLINE)))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.getType()).isEqualTo(type);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  private <T extends HasMetadata> T createOwned(T child) {
    child.getMetadata().setNamespace(ns);
    child.getMetadata().setUid(null);
    child.getMetadata().setOwnerReferences(List.of(ChildMetadata.controllerRef(rr)));
    child.getMetadata().setLabels(Map.of(Labels.REMEDIATION_REQUEST, "disk-full"));
    return StandIn.createWithStatus(client, child);
  }

  private <T extends HasMetadata> T get(Class<T> type, String name) {
    T object = client.resources(type).inNamespace(ns).withName(name).get();
    assertThat(object).as(type.getSimpleName() + " " + name).isNotNull();
    return object;
  }

  private <T extends HasMetadata> List<T> list(Class<T> type) {
    return client.resources(type).inNamespace(ns).list().getItems();
  }

  private void assertOwnedAndLabelled(HasMetadata child) {
    assertThat(child.getMetadata().getLabels())
        .containsEntry(Labels.REMEDIATION_REQUEST, "disk-full");
    OwnerReference owner = child.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getUid()).isEqualTo(rr.getMetadata().getUid());
    assertThat(owner.getKind()).isEqualTo("RemediationRequest");
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
  }

  private static OwnerReference otherOwner() {
    return new OwnerReferenceBuilder()
        .withApiVersion("kubernaut.ai/v1alpha1")
        .withKind("RemediationRequest")
        .withName("other-rr")
        .withUid("other-uid")
        .withController(true)
        .build();
  }

  private static String uid(HasMetadata object) {
    return object.getMetadata().getUid();
  }

  private double counter(String childType, String result) {
    var counter =
        metrics
            .registry()
            .find(ActivityMetrics.CHILD_CREATIONS)
            .tags("child_type", childType, "result", result)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
