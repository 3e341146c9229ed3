package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * Starts one RemediationWorkflow. {@code carriedState} is null on a fresh start and holds the state
 * when the workflow continues as new.
 */
public record RemediationInput(
    RemediationRef rr,
    Instant creationTimestamp,
    RemediationSnapshot snapshot,
    RemediationSettings settings,
    RemediationState carriedState) {

  public RemediationInput withCarriedState(RemediationState state) {
    return new RemediationInput(rr, creationTimestamp, snapshot, settings, state);
  }
}
