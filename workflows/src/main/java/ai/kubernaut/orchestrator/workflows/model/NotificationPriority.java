package ai.kubernaut.orchestrator.workflows.model;

/** NotificationRequest spec.priority (names equal the CRD strings). */
public enum NotificationPriority {
  Critical,
  High,
  Medium,
  Low
}
