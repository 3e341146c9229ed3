package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;

/**
 * How a remediation ends, as {@link Terminal#enter} applies it: the terminal phase and outcome, the
 * status reason and message, the failure phase and reason (null unless it failed or timed out), the
 * notification to send (null: none) and the reason running children are marked with (null: they are
 * left alone).
 */
record TerminalOutcome(
    Phase phase,
    Outcome outcome,
    String reason,
    String message,
    String failurePhase,
    String failureReason,
    NotificationType notification,
    NotificationPriority notificationPriority,
    String childrenReason) {

  /** Failed/Failed in {@code failurePhase}; the failure reason is {@code reason}. */
  static TerminalOutcome failed(String failurePhase, String reason, String message) {
    return new TerminalOutcome(
        Phase.Failed, Outcome.Failed, reason, message, failurePhase, reason, null, null, null);
  }

  /** Failed/ManualReviewRequired in {@code failurePhase}; the failure reason is {@code reason}. */
  static TerminalOutcome manualReview(String failurePhase, String reason, String message) {
    return failed(failurePhase, reason, message).withOutcome(Outcome.ManualReviewRequired);
  }

  /** TimedOut/TimedOut: {@code timedOutPhase} ran out; the failure reason is {@code reason}. */
  static TerminalOutcome timedOut(String timedOutPhase, String reason, String message) {
    return new TerminalOutcome(
        Phase.TimedOut, Outcome.TimedOut, reason, message, timedOutPhase, reason, null, null, null);
  }

  static TerminalOutcome completed(Outcome outcome, String reason, String message) {
    return new TerminalOutcome(
        Phase.Completed, outcome, reason, message, null, null, null, null, null);
  }

  /** Skipped/Deduplicated. */
  static TerminalOutcome skipped(String reason, String message) {
    return new TerminalOutcome(
        Phase.Skipped, Outcome.Deduplicated, reason, message, null, null, null, null, null);
  }

  /** Cancelled/Cancelled, reason {@code Cancelled}. */
  static TerminalOutcome cancelled(String message) {
    return new TerminalOutcome(
        Phase.Cancelled, Outcome.Cancelled, "Cancelled", message, null, null, null, null, null);
  }

  TerminalOutcome withOutcome(Outcome value) {
    return new TerminalOutcome(
        phase,
        value,
        reason,
        message,
        failurePhase,
        failureReason,
        notification,
        notificationPriority,
        childrenReason);
  }

  TerminalOutcome withFailureReason(String value) {
    return new TerminalOutcome(
        phase,
        outcome,
        reason,
        message,
        failurePhase,
        value,
        notification,
        notificationPriority,
        childrenReason);
  }

  /** Sends one NotificationRequest of {@code type} with {@code priority}. */
  TerminalOutcome notifying(NotificationType type, NotificationPriority priority) {
    return new TerminalOutcome(
        phase,
        outcome,
        reason,
        message,
        failurePhase,
        failureReason,
        type,
        priority,
        childrenReason);
  }

  /** Marks the children still running terminal first, with {@code value} as their reason. */
  TerminalOutcome markingChildren(String value) {
    return new TerminalOutcome(
        phase,
        outcome,
        reason,
        message,
        failurePhase,
        failureReason,
        notification,
        notificationPriority,
        value);
  }
}
