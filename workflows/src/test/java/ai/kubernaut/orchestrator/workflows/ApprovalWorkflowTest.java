package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiNeedsApproval;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.rar;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weFailed;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitCreated;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitPhase;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.failure;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.workflows.model.ApprovalCommand;
import ai.kubernaut.orchestrator.workflows.model.ApprovalResult;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AwaitingApproval (BR-ORCH-001/026): RAR decisions, the approve/reject updates, expiry. */
class ApprovalWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  @Test
  void executesOnceTheApprovalRequestIsApproved(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-gate"),
        aiNeedsApproval("ai-gate"),
        rar("rar-gate", "Approved", "alice"),
        weCompleted("we-gate"));

    RemediationWorkflow wf = start(env, worker, input("gate"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).containsExactly("sp-gate", "ai-gate", "rar-gate", "we-gate");
    assertThat(((CreateApprovalRequest) cluster.createRequests.get("rar-gate")).aiAnalysisName())
        .isEqualTo("ai-gate");
    assertThat(cluster.writtenPhases())
        .containsExactly(
            Phase.Processing,
            Phase.Analyzing,
            Phase.AwaitingApproval,
            Phase.Executing,
            Phase.Completed);
    assertThat(cluster.notificationTypes()).containsExactly("Approval", "Completion");
    assertThat(cluster.notifications.get(0).priority()).isEqualTo(NotificationPriority.Medium);
    assertThat(cluster.lastWrite().status().approvalNotificationSent()).isTrue();
    assertThat(cluster.lastWrite().status().children().approvalRequest().name())
        .isEqualTo("rar-gate");
    assertThat(cluster.eventReasons()).contains("ApprovalRequired", "ApprovalGranted");
    assertThat(cluster.decisions).isEmpty();
  }

  @Test
  void executesWhenAnOperatorApprovesThroughTheUpdate(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-op"), aiNeedsApproval("ai-op"), weCompleted("we-op"));
    RemediationWorkflow wf = start(env, worker, input("op"));
    awaitCreated(cluster, "rar-op");
    awaitPhase(wf, "AwaitingApproval");

    ApprovalResult approved = wf.approve(new ApprovalCommand("bob", "go ahead"));
    ApprovalResult again = wf.approve(new ApprovalCommand("bob", "go ahead"));
    RemediationResult result = result(wf);

    assertThat(approved.decision()).isEqualTo("Approved");
    assertThat(approved.approvalRequestName()).isEqualTo("rar-op");
    assertThat(again).isEqualTo(approved);
    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.decisions).hasSize(1);
    assertThat(cluster.decisions.get(0).decidedBy()).isEqualTo("bob");
    assertThat(cluster.decisions.get(0).decision()).isEqualTo("Approved");
    assertThat(cluster.decisions.get(0).approvalRequestName()).isEqualTo("rar-op");
    recordHistory(env, wf, "approved-by-update");
  }

  @Test
  void failsWhenTheApprovalIsRejected(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-no"), aiNeedsApproval("ai-no"), rar("rar-no", "Rejected", "carol"));

    ApplicationFailure f = failure(start(env, worker, input("no")));

    assertThat(f.getType()).isEqualTo("Approval");
    assertThat(cluster.lastWrite().status().failure().failureReason())
        .isEqualTo("ApprovalRejected");
    assertThat(cluster.notificationTypes()).containsExactly("Approval", "Escalation");
    assertThat(cluster.created).doesNotContain("we-no");
  }

  @Test
  void failsWhenAnOperatorRejectsThroughTheUpdate(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-rej"), aiNeedsApproval("ai-rej"));
    RemediationWorkflow wf = start(env, worker, input("rej"));
    awaitPhase(wf, "AwaitingApproval");

    wf.reject(new ApprovalCommand("dave", "too risky"));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("Approval");
    assertThat(cluster.decisions).extracting(d -> d.decision()).containsExactly("Rejected");
  }

  @Test
  void expiresWhenNobodyDecidesBeforeTheApprovalTimeout(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-late"), aiNeedsApproval("ai-late"));

    RemediationWorkflow wf = start(env, worker, input("late"));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("Approval");
    var last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(last.failure().failureReason()).isEqualTo("ApprovalExpired");
    assertThat(cluster.decisions).extracting(d -> d.decision()).containsExactly("Expired");
    assertThat(cluster.reads).extracting(k -> k.name()).contains("rar-late");
    assertThat(cluster.notificationTypes()).containsExactly("Approval", "Escalation");
    recordHistory(env, wf, "approval-expired");
  }

  @Test
  void aDecisionTakenOnTheRarAsItExpiresWins(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-photo"), aiNeedsApproval("ai-photo"), weCompleted("we-photo"));
    cluster.decideAtExpiry(rar("rar-photo", "Approved", "alice"));

    RemediationResult result = result(start(env, worker, input("photo")));

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).contains("we-photo");
    assertThat(cluster.notificationTypes()).doesNotContain("Escalation");
  }

  @Test
  void sendsExactlyOneApprovalNotificationAcrossRecoveries(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-twice"),
        aiNeedsApproval("ai-twice"),
        rar("rar-twice", "Approved", "alice"),
        weFailed("we-twice", 2, "scale", "Timeout"),
        aiNeedsApproval("ai-twice-recovery-1"),
        rar("rar-twice-recovery-1", "Approved", "alice"),
        weCompleted("we-twice-recovery-1"));

    RemediationResult result = result(start(env, worker, input("twice")));

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).contains("rar-twice", "rar-twice-recovery-1");
    assertThat(cluster.notificationTypes()).containsExactly("Approval", "Completion");
    assertThat(cluster.eventReasons().stream().filter("ApprovalRequired"::equals)).hasSize(2);
  }

  @Test
  void refusesApprovalWhenNoneIsPending(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(aiCompleted("ai-none"));
    RemediationWorkflow wf = start(env, worker, input("none"));
    awaitPhase(wf, "Processing");

    assertThatThrownBy(() -> wf.approve(new ApprovalCommand("eve", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("no approval is pending (phase Processing)");
    assertThatThrownBy(() -> wf.reject(new ApprovalCommand(" ", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("needs \"by\"");
  }
}
