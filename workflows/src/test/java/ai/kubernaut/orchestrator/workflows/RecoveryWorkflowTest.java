package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weFailed;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.assertWellFormedWrites;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.failure;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recovering (SPEC §3): attempts, repeated patterns, termination rate, recovery disabled. */
class RecoveryWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  @Test
  void recoversAFailedExecutionAndThenSucceeds(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-oom"),
        aiCompleted("ai-oom"),
        weFailed("we-oom", 2, "scale-deployment", "Timeout"),
        aiCompleted("ai-oom-recovery-1"),
        weCompleted("we-oom-recovery-1"));

    RemediationWorkflow wf = start(env, worker, input("oom"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created)
        .containsExactly("sp-oom", "ai-oom", "we-oom", "ai-oom-recovery-1", "we-oom-recovery-1");
    CreateAIAnalysis recovery = (CreateAIAnalysis) cluster.createRequests.get("ai-oom-recovery-1");
    assertThat(recovery.recovery().attemptNumber()).isEqualTo(1);
    assertThat(recovery.recovery().failedWorkflowExecution()).isEqualTo("we-oom");
    assertThat(recovery.recovery().failedStep()).isEqualTo(2);
    assertThat(recovery.recovery().errorType()).isEqualTo("Timeout");
    assertThat(recovery.recovery().previousAnalyses()).containsExactly("ai-oom");
    assertThat(
            ((CreateWorkflowExecution) cluster.createRequests.get("we-oom-recovery-1"))
                .attemptNumber())
        .isEqualTo(2);
    assertThat(cluster.writtenPhases())
        .containsExactly(
            Phase.Processing,
            Phase.Analyzing,
            Phase.Executing,
            Phase.Recovering,
            Phase.Executing,
            Phase.Completed);
    assertWellFormedWrites(cluster.statusWrites);
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.recovery().recoveryAttempts()).isEqualTo(1);
    assertThat(last.recovery().recoveryReason()).isEqualTo("workflow_timeout_step_2");
    assertThat(last.recovery().lastFailureTime()).isNotNull();
    assertThat(last.children().workflowExecutions())
        .extracting(r -> r.name() + ":" + r.outcome() + ":" + r.attemptNumber())
        .containsExactly("we-oom:Failed:1", "we-oom-recovery-1:Completed:2");
    assertThat(last.children().aiAnalyses())
        .extracting(r -> r.name())
        .containsExactly("ai-oom", "ai-oom-recovery-1");
    assertThat(cluster.rateQueries).hasSize(1);
    assertThat(cluster.rateQueries.get(0).window()).isEqualTo(Duration.ofHours(1));
    assertThat(cluster.eventReasons()).contains("WorkflowExecutionFailed", "RecoveryStarted");
    assertThat(
            WorkflowStub.fromTyped(wf)
                .describe()
                .getTypedSearchAttributes()
                .get(RemediationSearchAttributes.RECOVERY_ATTEMPTS))
        .isEqualTo(1L);
    recordHistory(env, wf, "recovered");
  }

  @Test
  void escalatesWhenRecoveryAttemptsAreExhausted(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.overrides(TimeoutOverrides.none(), 2);
    cluster.script(
        spCompleted("sp-max"),
        aiCompleted("ai-max"),
        weFailed("we-max", 1, "restart", "Timeout"),
        aiCompleted("ai-max-recovery-1"),
        weFailed("we-max-recovery-1", 2, "scale", "Timeout"),
        aiCompleted("ai-max-recovery-2"),
        weFailed("we-max-recovery-2", 3, "patch", "Forbidden"));

    RemediationWorkflow wf = start(env, worker, input("max"));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("ManualReviewRequired");
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.outcome()).isEqualTo(Outcome.ManualReviewRequired);
    assertThat(last.failure().failureReason()).isEqualTo("max_recovery_attempts_exceeded");
    assertThat(last.recovery().escalatedToManualReview()).isTrue();
    assertThat(last.recovery().recoveryAttempts()).isEqualTo(2);
    assertThat(last.recovery().maxRecoveryAttempts()).isEqualTo(2);
    assertThat(cluster.notificationTypes()).containsExactly("ManualReview");
    assertThat(cluster.notifications.get(0).priority()).isEqualTo(NotificationPriority.Critical);
    recordHistory(env, wf, "recovery-exhausted");
  }

  @Test
  void escalatesWhenTheSameFailurePatternRepeats(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-rep"),
        aiCompleted("ai-rep"),
        weFailed("we-rep", 2, "scale", "Timeout"),
        aiCompleted("ai-rep-recovery-1"),
        weFailed("we-rep-recovery-1", 2, "scale", "Timeout"));

    ApplicationFailure f = failure(start(env, worker, input("rep")));

    assertThat(f.getType()).isEqualTo("ManualReviewRequired");
    assertThat(cluster.lastWrite().status().failure().failureReason())
        .isEqualTo("repeated_failure_pattern");
    assertThat(cluster.created).doesNotContain("ai-rep-recovery-2");
  }

  @Test
  void escalatesWhenTheClusterTerminationRateIsTooHigh(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.rate = new TerminationRate(2, 20);
    cluster.script(
        spCompleted("sp-rate"), aiCompleted("ai-rate"), weFailed("we-rate", 1, "a", "b"));

    ApplicationFailure f = failure(start(env, worker, input("rate")));

    assertThat(f.getType()).isEqualTo("ManualReviewRequired");
    assertThat(cluster.lastWrite().status().failure().failureReason())
        .isEqualTo("termination_rate_exceeded");
  }

  @Test
  void escalatesAtOnceWhenRecoveryIsDisabled(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.overrides(TimeoutOverrides.none(), 0);
    cluster.script(spCompleted("sp-off"), aiCompleted("ai-off"), weFailed("we-off", 1, "a", "b"));

    ApplicationFailure f = failure(start(env, worker, input("off")));

    assertThat(f.getType()).isEqualTo("ManualReviewRequired");
    assertThat(cluster.lastWrite().status().failure().failureReason())
        .isEqualTo("max_recovery_attempts_exceeded");
    assertThat(cluster.rateQueries).isEmpty();
    assertThat(cluster.created).containsExactly("sp-off", "ai-off", "we-off");
  }

  @Test
  void keepsTheHistorySmallThroughTwoRecoveries(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-long"),
        aiCompleted("ai-long"),
        weFailed("we-long", 1, "a", "x"),
        aiCompleted("ai-long-recovery-1"),
        weFailed("we-long-recovery-1", 2, "b", "y"),
        aiCompleted("ai-long-recovery-2"),
        weCompleted("we-long-recovery-2"));

    RemediationWorkflow wf = start(env, worker, input("long"));
    result(wf);

    int events =
        env.getWorkflowClient()
            .fetchHistory(WorkflowIds.of(TestRemediations.rr("long")))
            .getEvents()
            .size();
    // Temporal suggests continue-as-new at 4 Ki events by default
    assertThat(events).isLessThan(400);
  }
}
