package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import io.temporal.activity.ActivityInterface;

/**
 * Creates NotificationRequests: not owned by the RR (they outlive it for audit), labelled with the
 * RR, idempotent by name. The workflow keeps the returned refs in status.notificationRequestRefs.
 */
@ActivityInterface
public interface NotificationActivities {

  NotificationRef createNotification(NotificationOrder order);
}
