package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import io.temporal.activity.ActivityInterface;

/**
 * Projects the workflow's desired status onto the RR through the status subresource, guarded by the
 * write sequence, and emits the write's Kubernetes Events.
 */
@ActivityInterface
public interface StatusActivities {

  StatusWriteResult writeStatus(StatusWrite write);
}
