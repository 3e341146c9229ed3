package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/**
 * Ask for one NotificationRequest. The activity writes the subject and body from these facts; the
 * name is {@code nr-<type>-<rr>} ({@code nr-bulk-<rr>} when {@code bulk}; {@code <retryOf>-retry-1}
 * when it re-sends a failed one), so a repeat is idempotent.
 */
public record NotificationOrder(
    RemediationRef rr,
    NotificationType type,
    NotificationPriority priority,
    boolean bulk,
    String workflowId,
    Phase phase,
    String reason,
    String message,
    String signalName,
    String severity,
    String target,
    String environment,
    int recoveryAttempts,
    List<String> timeline,
    List<String> duplicates,
    String retryOf) {

  public NotificationOrder {
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
  }

  /** The same order re-sending the NotificationRequest {@code failed}. */
  public NotificationOrder retryOf(String failed) {
    return new NotificationOrder(
        rr,
        type,
        priority,
        bulk,
        workflowId,
        phase,
        reason,
        message,
        signalName,
        severity,
        target,
        environment,
        recoveryAttempts,
        timeline,
        duplicates,
        failed);
  }
}
