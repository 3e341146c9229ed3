package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/**
 * Ask for one NotificationRequest. The activity writes the subject and body from these facts; the
 * name is {@code nr-<type>-<rr>} ({@code nr-bulk-<rr>} when {@code bulk}), so a repeat is
 * idempotent.
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
    List<String> duplicates) {

  public NotificationOrder {
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
  }
}
