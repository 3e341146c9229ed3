package ai.kubernaut.orchestrator.workflows.model;

/**
 * A NotificationRequest that exists, with its UID (BR-ORCH-035), and what its controller last
 * reported.
 *
 * @param phase the NR's status.phase (Pending, Sending, Sent, Failed); null before it reports
 * @param message the NR's status.message
 * @param retryOf the failed NotificationRequest this one re-sends; null for a first attempt
 */
public record NotificationRef(
    NotificationType type, String name, String uid, String phase, String message, String retryOf) {

  /** A NotificationRequest just created or found: no delivery reported yet. */
  public NotificationRef(NotificationType type, String name, String uid) {
    this(type, name, uid, null, null, null);
  }

  /** The same reference with the phase and message its controller reported. */
  public NotificationRef withDelivery(String phase, String message) {
    return new NotificationRef(type, name, uid, phase, message, retryOf);
  }

  /** The same reference marked as the re-send of {@code failed}. */
  public NotificationRef asRetryOf(String failed) {
    return new NotificationRef(type, name, uid, phase, message, failed);
  }
}
