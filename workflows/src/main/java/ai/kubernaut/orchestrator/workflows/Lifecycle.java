package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import java.time.Instant;

/**
 * Where a remediation stands: phase, outcome, reason and message, its status times and how it
 * failed or timed out. Changed by {@link Transitions} (a new phase), {@link Terminal} (the end),
 * {@link RoutingSteps} (why it is blocked) and {@link OperatorUpdates} (a retry restarts the
 * phase's clock); {@link NotificationDelivery} notes an RR found gone after the end.
 */
final class Lifecycle {
  private Phase phase = Phase.Pending;
  private Outcome outcome;
  private String reason;
  private String message;
  private Instant startTime;
  private Instant phaseStartTime;
  private Instant completionTime;
  private Instant retentionExpiryTime;
  private String failurePhase;
  private String failureReason;
  private String timeoutPhase;
  private Instant timeoutTime;

  /** The RemediationRequest was found deleted (the run ends without writing to it). */
  private boolean gone;

  Phase phase() {
    return phase;
  }

  Outcome outcome() {
    return outcome;
  }

  String reason() {
    return reason;
  }

  String message() {
    return message;
  }

  Instant startTime() {
    return startTime;
  }

  Instant phaseStartTime() {
    return phaseStartTime;
  }

  Instant completionTime() {
    return completionTime;
  }

  Instant retentionExpiryTime() {
    return retentionExpiryTime;
  }

  String failurePhase() {
    return failurePhase;
  }

  DesiredStatus.Failure failure() {
    return new DesiredStatus.Failure(failurePhase, failureReason, timeoutPhase, timeoutTime);
  }

  boolean gone() {
    return gone;
  }

  /** Pending begins: the remediation's and the phase's clocks start. */
  void started(Instant now) {
    startTime = now;
    phaseStartTime = now;
  }

  void entered(Phase to, Instant now) {
    phase = to;
    phaseStartTime = now;
  }

  /** An operator retry gives the running phase a new start. */
  void phaseRestarted(Instant now) {
    phaseStartTime = now;
  }

  void explain(String why, String msg) {
    reason = why;
    message = msg;
  }

  void describe(String msg) {
    message = msg;
  }

  /** The phase that timed out and when (set before the end is entered). */
  void timedOut(String inPhase, Instant at) {
    timeoutPhase = inPhase;
    timeoutTime = at;
  }

  /** The end's outcome, reason and failure; the phase changes through {@link #entered}. */
  void ended(
      Outcome out,
      String why,
      String msg,
      String failedPhase,
      String failedReason,
      Instant now,
      Instant retentionExpiry) {
    outcome = out;
    explain(why, msg);
    failurePhase = failedPhase;
    failureReason = failedReason;
    completionTime = now;
    retentionExpiryTime = retentionExpiry;
  }

  /** The RR was deleted: Cancelled at once, with nothing more to write. */
  void cancelledAsGone(String why, String msg, Instant now) {
    gone = true;
    phase = Phase.Cancelled;
    outcome = Outcome.Cancelled;
    explain(why, msg);
    completionTime = now;
  }

  void markGone() {
    gone = true;
  }

  /** A continued run takes the status over. */
  void restore(DesiredStatus st) {
    phase = st.overallPhase();
    outcome = st.outcome();
    reason = st.reason();
    message = st.message();
    startTime = st.startTime();
    phaseStartTime = st.phaseStartTime();
    completionTime = st.completionTime();
    retentionExpiryTime = st.retentionExpiryTime();
    if (st.failure() != null) {
      failurePhase = st.failure().failurePhase();
      failureReason = st.failure().failureReason();
      timeoutPhase = st.failure().timeoutPhase();
      timeoutTime = st.failure().timeoutTime();
    }
  }
}
