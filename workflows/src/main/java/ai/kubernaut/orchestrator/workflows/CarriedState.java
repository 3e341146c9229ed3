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
        ledger.journal().sequence(),
        ledger.waiting().waitingFor(),
        ledger.deadlines().phase(),
        ledger.deadlines().global(),
        ledger.waiting().current(),
        ledger.waiting().retries(),
        ledger.analysis().signalProcessingName(),
        ledger.analysis().analysisName(),
        ledger.recovery().context(),
        ledger.analysis().environment(),
        ledger.analysis().priority(),
        ledger.approvals().operatorDecision(),
        ledger.children().names(),
        ledger.children().observed(),
        List.copyOf(ledger.recovery().failurePatterns()),
        ledger.journal().timeline(),
        ledger.run().runs(),
        ledger.routing().snapshot(),
        ledger.children().retryNumbers(),
        ledger.children().superseded());
  }

  void restore(RemediationState s) {
    DesiredStatus st = s.status();
    ledger.lifecycle().restore(st);
    if (st.children() != null) {
      ledger.refs().restore(st.children());
      ledger.notifications().restore(st.children().notifications());
    }
    ledger.recovery().restore(st.recovery(), s.failurePatterns(), s.recoveryContext());
    ledger
        .journal()
        .restore(
            s.statusSequence(),
            s.timeline(),
            st.summaries() == null ? 0 : st.summaries().stepsCompleted());
    ledger.waiting().restore(s.waitingFor(), s.current(), s.retries());
    ledger.deadlines().restore(st.timeoutConfig(), s.phaseDeadline(), s.globalDeadline());
    ledger
        .analysis()
        .restore(s.signalProcessingName(), s.analysisName(), s.environment(), s.priority());
    ledger.approvals().restore(s.operatorDecision(), st.approvalNotificationSent());
    ledger.run().continuedFrom(s.runs());
    if (s.routing() != null) {
      ledger.routing().restore(s.routing(), ledger.routingRequestOf());
    }
    ledger.children().restore(s.children(), s.observed(), s.retryNumbers(), s.superseded());
  }
}
