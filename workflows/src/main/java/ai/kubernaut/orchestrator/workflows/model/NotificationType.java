package ai.kubernaut.orchestrator.workflows.model;

/** NotificationRequest spec.type (names equal the CRD strings). */
public enum NotificationType {
  Escalation,
  Simple,
  StatusUpdate,
  Approval,
  ManualReview,
  Completion
}
