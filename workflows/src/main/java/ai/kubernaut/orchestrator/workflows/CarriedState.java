package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import java.util.List;

/**
 * The state carried over continue-as-new (and answered by the query): captured from the ledger, and
 * restored into the ledger of the next run.
 */
final class CarriedState {
  private final RemediationLedger ledger;

  CarriedState(RemediationLedger ledger) {
    this.ledger = ledger;
  }

  RemediationState snapshotState() {
    return new RemediationState(
        ledger.status(),
        ledger.sequence,
        ledger.waitingFor,
        ledger.deadlines.phase(),
        ledger.deadlines.global(),
        ledger.current,
        ledger.retries,
        ledger.signalProcessingName,
        ledger.analysisName,
        ledger.recovery.context(),
        ledger.environment,
        ledger.priority,
        ledger.approvals.operatorDecision(),
        ledger.children.names(),
        ledger.children.observed(),
        List.copyOf(ledger.recovery.failurePatterns()),
        ledger.timeline,
        ledger.runs,
        ledger.routing.snapshot(),
        ledger.children.retryNumbers(),
        ledger.children.superseded());
  }

  void restore(RemediationState s) {
    DesiredStatus st = s.status();
    ledger.phase = st.overallPhase();
    ledger.outcome = st.outcome();
    ledger.reason = st.reason();
    ledger.message = st.message();
    ledger.startTime = st.startTime();
    ledger.phaseStartTime = st.phaseStartTime();
    ledger.completionTime = st.completionTime();
    ledger.retentionExpiryTime = st.retentionExpiryTime();
    if (st.children() != null) {
      ledger.signalProcessingRef = st.children().signalProcessing();
      ledger.aiAnalysisRefs.addAll(st.children().aiAnalyses());
      ledger.executionRefs.addAll(st.children().workflowExecutions());
      ledger.approvalRequestRef = st.children().approvalRequest();
      ledger.notifications.restore(st.children().notifications());
    }
    ledger.recovery.restore(st.recovery(), s.failurePatterns(), s.recoveryContext());
    if (st.failure() != null) {
      ledger.failurePhase = st.failure().failurePhase();
      ledger.failureReason = st.failure().failureReason();
      ledger.timeoutPhase = st.failure().timeoutPhase();
      ledger.timeoutTime = st.failure().timeoutTime();
    }
    ledger.sequence = s.statusSequence();
    ledger.waitingFor = s.waitingFor();
    ledger.deadlines.restore(st.timeoutConfig(), s.phaseDeadline(), s.globalDeadline());
    ledger.current = s.current();
    ledger.retries = s.retries();
    ledger.signalProcessingName = s.signalProcessingName();
    ledger.analysisName = s.analysisName();
    ledger.environment = s.environment();
    ledger.priority = s.priority();
    ledger.approvals.restore(s.operatorDecision(), st.approvalNotificationSent());
    ledger.timeline.addAll(s.timeline());
    ledger.runs = s.runs() + 1;
    ledger.stepsWritten = st.summaries() == null ? 0 : st.summaries().stepsCompleted();
    if (s.routing() != null) {
      ledger.routing.restore(s.routing(), ledger.routingRequestOf());
    }
    ledger.children.restore(s.children(), s.observed(), s.retryNumbers(), s.superseded());
  }
}
