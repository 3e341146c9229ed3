package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import java.time.Instant;

/**
 * How a remediation ends, as {@link Terminal#enter} applies it: the terminal phase and outcome, the
 * status reason and message, the failure phase and reason (both null unless it failed or timed
 * out), the notification to send (null: none) and the reason running children are marked with
 * (null: they are left alone). Built by name: {@code failed(...)}, {@code timedOut(...)}, ... then
 * {@code notifying(...)}, {@code markingChildren(...)}.
 */
record TerminalOutcome(
    Phase phase,
    Outcome outcome,
    String reason,
    String message,
    Failure failure,
    Notice notice,
    String childrenReason) {

  /**
   * status.failurePhase and status.failureReason; for a timeout also status.timeoutPhase (the same
   * phase) and status.timeoutTime ({@code timedOutAt}, null otherwise).
   */
  record Failure(String phase, String reason, Instant timedOutAt) {
    static final Failure NONE = new Failure(null, null, null);
  }

  /** The NotificationRequest sent as the remediation ends. */
  record Notice(NotificationType type, NotificationPriority priority) {}

  /** Failed/Failed in {@code failurePhase}; the failure reason is {@code reason}. */
  static TerminalOutcome failed(String failurePhase, String reason, String message) {
    return ended(
        Phase.Failed, Outcome.Failed, reason, message, new Failure(failurePhase, reason, null));
  }

  /** Failed/ManualReviewRequired in {@code failurePhase}; the failure reason is {@code reason}. */
  static TerminalOutcome manualReview(String failurePhase, String reason, String message) {
    return failed(failurePhase, reason, message).withOutcome(Outcome.ManualReviewRequired);
  }

  /**
   * TimedOut/TimedOut: {@code timedOutPhase} ran out at {@code at}; the failure reason is {@code
   * reason}.
   */
  static TerminalOutcome timedOut(String timedOutPhase, Instant at, String reason, String message) {
    Failure f = new Failure(timedOutPhase, reason, at);
    return ended(Phase.TimedOut, Outcome.TimedOut, reason, message, f);
  }

  static TerminalOutcome completed(Outcome outcome, String reason, String message) {
    return ended(Phase.Completed, outcome, reason, message, Failure.NONE);
  }

  /** Skipped/Deduplicated. */
  static TerminalOutcome skipped(String reason, String message) {
    return ended(Phase.Skipped, Outcome.Deduplicated, reason, message, Failure.NONE);
  }

  /** Cancelled/Cancelled, reason {@code Cancelled}. */
  static TerminalOutcome cancelled(String message) {
    return ended(Phase.Cancelled, Outcome.Cancelled, "Cancelled", message, Failure.NONE);
  }

  private static TerminalOutcome ended(
      Phase phase, Outcome outcome, String reason, String message, Failure failure) {
    return new TerminalOutcome(phase, outcome, reason, message, failure, null, null);
  }

  TerminalOutcome withOutcome(Outcome value) {
    return new TerminalOutcome(phase, value, reason, message, failure, notice, childrenReason);
  }

  TerminalOutcome withFailureReason(String value) {
    Failure f = new Failure(failure.phase(), value, failure.timedOutAt());
    return new TerminalOutcome(phase, outcome, reason, message, f, notice, childrenReason);
  }

  /** Sends one NotificationRequest of {@code type} with {@code priority}. */
  TerminalOutcome notifying(NotificationType type, NotificationPriority priority) {
    Notice n = new Notice(type, priority);
    return new TerminalOutcome(phase, outcome, reason, message, failure, n, childrenReason);
  }

  /** Marks the children still running terminal first, with {@code value} as their reason. */
  TerminalOutcome markingChildren(String value) {
    return new TerminalOutcome(phase, outcome, reason, message, failure, notice, value);
  }
}
