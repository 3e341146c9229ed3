package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import java.util.Objects;

/**
 * The workflow's own Kubernetes writers the bridge calls directly (by their interfaces, so the
 * bridge does not depend on how they are implemented): the sequence-guarded status write, marking
 * children terminal and creating NotificationRequests, for the drift repair of a run that closed
 * without ending (for example {@code temporal workflow terminate}).
 */
public record BridgeActivities(
    StatusActivities status, ChildActivities children, NotificationActivities notifications) {

  public BridgeActivities {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(children, "children");
    Objects.requireNonNull(notifications, "notifications");
  }
}
