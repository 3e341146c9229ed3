package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.RemediationState.OperatorDecision;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The approval state of a remediation: the operator's decision on the pending approval request
 * (through the {@code approve}/{@code reject} update), whether the one Approval notification was
 * sent, and the late decisions on superseded requests already reported. Decisions are taken by
 * {@link OperatorUpdates}; {@link Transitions} opens a new request and sends the notification.
 */
final class Approvals {
  private OperatorDecision operatorDecision;
  private boolean notificationSent;
  private final Set<String> reportedLateDecisions = new LinkedHashSet<>();

  /** The decision taken through an update on the pending request; null when none. */
  OperatorDecision operatorDecision() {
    return operatorDecision;
  }

  /** Whether {@code decision} (Approved/Rejected) was already taken through an update. */
  boolean decidedAs(String decision) {
    return operatorDecision != null && operatorDecision.decision().equals(decision);
  }

  void decide(OperatorDecision decision) {
    operatorDecision = decision;
  }

  /** A new approval request is pending: no decision on it yet. */
  void requestOpened() {
    operatorDecision = null;
  }

  /** Exactly one Approval notification per RR (SPEC): true once it was sent. */
  boolean notificationSent() {
    return notificationSent;
  }

  void notificationSent(boolean sent) {
    notificationSent = sent;
  }

  /** True the first time a late decision on the superseded request {@code name} is reported. */
  boolean firstReportOfLateDecision(String name) {
    return reportedLateDecisions.add(name);
  }

  /** A continued run takes the decision and the notification flag over. */
  void restore(OperatorDecision decision, boolean sent) {
    operatorDecision = decision;
    notificationSent = sent;
  }
}
