package ai.kubernaut.orchestrator.workflows.model;

/** A NotificationRequest that exists, with its UID (BR-ORCH-035). */
public record NotificationRef(NotificationType type, String name, String uid) {}
