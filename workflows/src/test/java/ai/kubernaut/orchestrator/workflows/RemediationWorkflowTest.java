package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiFailed;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiHumanReviewWithoutWorkflow;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiNotNeeded;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.rr;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spFailed;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weRunning;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weSkipped;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.assertWellFormedWrites;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.failure;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The straight paths of SPEC §3: success, the child failures, no action, configuration. */
class RemediationWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  @Test
  void remediatesThroughProcessingAnalyzingAndExecuting(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-disk-full"),
        aiCompleted("ai-disk-full"),
        weRunning("we-disk-full", 1, 3),
        weCompleted("we-disk-full"));

    RemediationWorkflow wf = start(env, worker, input("disk-full"));
    RemediationResult result = result(wf);

    assertThat(result.phase()).isEqualTo(Phase.Completed);
    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).containsExactly("sp-disk-full", "ai-disk-full", "we-disk-full");
    assertThat(
            ((CreateAIAnalysis) cluster.createRequests.get("ai-disk-full")).signalProcessingName())
        .isEqualTo("sp-disk-full");
    CreateWorkflowExecution we =
        (CreateWorkflowExecution) cluster.createRequests.get("we-disk-full");
    assertThat(we.aiAnalysisName()).isEqualTo("ai-disk-full");
    assertThat(we.attemptNumber()).isEqualTo(1);
    assertWellFormedWrites(cluster.statusWrites);
    assertThat(cluster.writtenPhases())
        .containsExactly(Phase.Processing, Phase.Analyzing, Phase.Executing, Phase.Completed);
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(last.completionTime()).isNotNull();
    assertThat(last.retentionExpiryTime())
        .isEqualTo(last.completionTime().plus(Duration.ofHours(24)));
    assertThat(last.summaries().overallProgress()).isEqualTo(100);
    assertThat(last.summaries().stepsCompleted()).isEqualTo(3);
    assertThat(last.children().workflowExecutions().get(0).outcome()).isEqualTo("Completed");
    assertThat(last.children().notifications())
        .extracting(n -> n.name())
        .containsExactly("nr-completion-disk-full");
    assertThat(cluster.notificationTypes()).containsExactly("Completion");
    assertThat(cluster.notifications.get(0).priority()).isEqualTo(NotificationPriority.Low);
    // one Event per transition: the Completion notification is named in the end's Event
    assertThat(cluster.eventReasons())
        .containsExactly(
            "SignalProcessingCreated",
            "AIAnalysisCreated",
            "WorkflowExecutionCreated",
            "RemediationCompleted");
    assertThat(cluster.lastWrite().events())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .endsWith("; sent Completion notification nr-completion-disk-full (Low)"));
    assertThat(cluster.terminations).isEmpty();

    WorkflowExecutionDescription d = WorkflowStub.fromTyped(wf).describe();
    assertThat(d.getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(d.getStaticSummary()).isEqualTo("HighMemoryUsage on Deployment/api");
    assertThat(d.getStaticDetails()).contains("prod-apps/disk-full");
    var sa = d.getTypedSearchAttributes();
    assertThat(sa.get(RemediationSearchAttributes.PHASE)).isEqualTo("Completed");
    assertThat(sa.get(RemediationSearchAttributes.OUTCOME)).isEqualTo("Remediated");
    assertThat(sa.get(RemediationSearchAttributes.ENVIRONMENT)).isEqualTo("production");
    assertThat(sa.get(RemediationSearchAttributes.PRIORITY)).isEqualTo("P1");
    assertThat(sa.get(RemediationSearchAttributes.SIGNAL_FINGERPRINT))
        .isEqualTo(TestRemediations.FINGERPRINT);
    assertThat(sa.get(RemediationSearchAttributes.TARGET_RESOURCE))
        .isEqualTo("Deployment/prod-apps/api");
    assertThat(sa.get(RemediationSearchAttributes.RECOVERY_ATTEMPTS)).isEqualTo(0L);

    RemediationState state = wf.state();
    assertThat(state.phase()).isEqualTo(Phase.Completed);
    assertThat(state.environment()).isEqualTo("production");
    assertThat(state.children()).containsExactly("sp-disk-full", "ai-disk-full", "we-disk-full");
    recordHistory(env, wf, "remediated");
  }

  @Test
  void aChildStatusSignalledBeforeTheRunRegisteredTheChildIsKept(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(aiCompleted("ai-early"), weCompleted("we-early"));

    RemediationWorkflow wf =
        cluster.startWithEarlyStatus(
            input("early"), worker.getTaskQueue(), spCompleted("sp-early"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.reads)
        .as("the SP's Completed status was used, not re-read at the phase deadline")
        .noneMatch(key -> key.kind() == ChildKind.SignalProcessing);
    recordHistory(env, wf, "early-child-status");
  }

  @Test
  void failsWhenSignalProcessingFails(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spFailed("sp-sp-fails"));

    RemediationWorkflow wf = start(env, worker, input("sp-fails"));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("SignalProcessing");
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(last.outcome()).isEqualTo(Outcome.Failed);
    assertThat(last.failure().failurePhase()).isEqualTo("SignalProcessing");
    assertThat(cluster.notificationTypes()).containsExactly("Escalation");
    assertThat(cluster.created).containsExactly("sp-sp-fails");
    recordHistory(env, wf, "signal-processing-failed");
  }

  @Test
  void needsManualReviewWhenAnalysisFails(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-ai-fails"), aiFailed("ai-ai-fails"));

    RemediationWorkflow wf = start(env, worker, input("ai-fails"));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("ManualReviewRequired");
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(last.outcome()).isEqualTo(Outcome.ManualReviewRequired);
    assertThat(last.failure().failurePhase()).isEqualTo("AIAnalysis");
    assertThat(cluster.notificationTypes()).containsExactly("ManualReview");
  }

  @Test
  void needsManualReviewWhenAnalysisWantsAHumanAndHasNoWorkflow(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-human"), aiHumanReviewWithoutWorkflow("ai-human"));

    ApplicationFailure f = failure(start(env, worker, input("human")));

    assertThat(f.getType()).isEqualTo("ManualReviewRequired");
    assertThat(cluster.lastWrite().status().reason()).isEqualTo("HumanReviewRequired");
  }

  @Test
  void completesWithNoActionRequiredWhenNoWorkflowIsNeeded(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-noop"), aiNotNeeded("ai-noop"));

    RemediationWorkflow wf = start(env, worker, input("noop"));
    RemediationResult result = result(wf);

    assertThat(result.phase()).isEqualTo(Phase.Completed);
    assertThat(result.outcome()).isEqualTo(Outcome.NoActionRequired);
    assertThat(cluster.created).containsExactly("sp-noop", "ai-noop");
    assertThat(cluster.notifications).isEmpty();
    assertThat(cluster.writtenPhases())
        .containsExactly(Phase.Processing, Phase.Analyzing, Phase.Completed);
  }

  @Test
  void endsSkippedWhenTheExecutionIsSkipped(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-skip"), aiCompleted("ai-skip"), weSkipped("we-skip", "RecentlyRemediated"));

    RemediationResult result = result(start(env, worker, input("skip")));

    assertThat(result.phase()).isEqualTo(Phase.Skipped);
    assertThat(result.reason()).isEqualTo("RecentlyRemediated");
  }

  @Test
  void failsWithConfigurationForAnInvalidSpec(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.invalid("spec.providerData", "must be JSON");

    ApplicationFailure f = failure(start(env, worker, input("bad-spec")));

    assertThat(f.getType()).isEqualTo("Configuration");
    assertThat(f.getOriginalMessage()).contains("spec.providerData");
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(last.failure().failurePhase()).isEqualTo("Configuration");
    assertThat(last.failure().failureReason()).isEqualTo("spec.providerData: must be JSON");
    // no phase before the end: the terminal write, then (when the Escalation's delivery arrives
    // after it) the delivery report
    assertThat(cluster.statusWrites)
        .extracting(w -> w.status().overallPhase())
        .containsOnly(Phase.Failed)
        .hasSizeBetween(1, 2);
    assertThat(cluster.statusWrites.get(0).events())
        .extracting(EventRecord::reason)
        .containsExactly("RemediationFailed");
    assertThat(cluster.created).isEmpty();
    assertThat(cluster.notificationTypes()).containsExactly("Escalation");
  }

  @Test
  void failsWithConfigurationWhenTheApiRejectsAChild(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-rejected")).failCreate("ai-rejected", FailureTypes.INVALID_SPEC);

    ApplicationFailure f = failure(start(env, worker, input("rejected")));

    assertThat(f.getType()).isEqualTo("Configuration");
    assertThat(cluster.lastWrite().status().failure().failureReason())
        .isEqualTo(FailureTypes.INVALID_SPEC);
    assertThat(cluster.notificationTypes()).containsExactly("Escalation");
  }

  @Test
  void endsQuietlyWhenTheRemediationRequestIsGone(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.gone = true;

    RemediationResult result = result(start(env, worker, input("gone")));

    assertThat(result.phase()).isEqualTo(Phase.Cancelled);
    assertThat(result.reason()).isEqualTo(FailureTypes.REMEDIATION_REQUEST_GONE);
    assertThat(cluster.statusWrites).isEmpty();
    assertThat(cluster.notifications).isEmpty();
  }

  @Test
  void notificationsCarryTheRemediationFacts(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spFailed("sp-facts"));

    failure(start(env, worker, input("facts")));

    var order = cluster.notifications.get(0);
    assertThat(order.type()).isEqualTo(NotificationType.Escalation);
    assertThat(order.signalName()).isEqualTo("HighMemoryUsage");
    assertThat(order.target()).isEqualTo("Deployment/prod-apps/api");
    assertThat(order.workflowId()).isEqualTo(WorkflowIds.of(rr("facts")));
    assertThat(order.timeline()).isNotEmpty();
    assertThat(List.of(order.priority())).containsExactly(NotificationPriority.High);
  }
}
