package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationActivityOptions.withSummary;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;

import ai.kubernaut.orchestrator.workflows.activities.ClusterActivities;
import ai.kubernaut.orchestrator.workflows.logic.FailureReasons;
import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.logic.RecoveryPolicy;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * What happens when a WorkflowExecution fails (SPEC §3, {@link RecoveryPolicy}): its ref is closed
 * as Failed, the failure is recorded, and recovery is judged: attempts left, the failure pattern
 * not seen before, then the cluster's termination rate. Viable → Recovering with a recovery
 * AIAnalysis; refused → Failed/ManualReviewRequired with a ManualReview notification. The only
 * writer of {@link Recovery}.
 */
final class WorkflowExecutionFailure {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  private final RemediationLedger ledger;
  private final WorkflowMetrics metrics;
  private final Transitions transitions;
  private final Terminal terminal;

  WorkflowExecutionFailure(
      RemediationLedger ledger,
      WorkflowMetrics metrics,
      Transitions transitions,
      Terminal terminal) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.transitions = transitions;
    this.terminal = terminal;
  }

  /** The current WorkflowExecution {@code s} reported Failed at {@code at}. */
  void handle(ChildStatus s, Instant at) {
    ChildStatus.Execution e = s.execution();
    Recovery recovery = ledger.recovery();
    ledger.refs().closeExecution(s, "Failed", at);
    recovery.recordFailure(
        at,
        FailureReasons.recoveryReason(
            e == null ? null : e.errorType(), e == null ? null : e.failedStep()));
    String pattern = RecoveryPolicy.pattern(e);
    RecoveryPolicy.Verdict verdict =
        RecoveryPolicy.beforeRate(
            recovery.attempts(), recovery.maxAttempts(), recovery.failurePatterns(), pattern);
    if (verdict == null) {
      verdict =
          RecoveryPolicy.withRate(terminationRate(), ledger.settings().terminationRateThreshold());
    }
    recovery.rememberPattern(pattern);
    metrics.recoveryAttempt(verdict.viable(), verdict.reason());
    if (!verdict.viable()) {
      recovery.escalateToManualReview();
      terminal.enter(
          TerminalOutcome.manualReview(
                  FailureReasons.WORKFLOW_EXECUTION,
                  verdict.reason(),
                  "WorkflowExecution "
                      + s.name()
                      + " failed ("
                      + recovery.reason()
                      + ") and no recovery is allowed: "
                      + verdict.reason())
              .notifying(
                  NotificationType.ManualReview,
                  NotificationRules.manualReview(true, ledger.severity())));
      return;
    }
    List<String> previous = ledger.refs().analysisNames();
    recovery.startAttempt(s, previous);
    transitions.enterRecovering(s);
  }

  /** The cluster-wide termination rate; null when it cannot be read. */
  private TerminationRate terminationRate() {
    try {
      return Workflow.newActivityStub(
              ClusterActivities.class,
              withSummary(RemediationActivityOptions.CLUSTER_READ, "termination rate (last hour)"))
          .terminationRate(new TerminationRateQuery(ledger.settings().terminationRateWindow()));
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("termination rate unavailable: {}", f.getMessage());
      return null;
    }
  }
}
