package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * Starts one RemediationWorkflow. The CRD bridge builds it from an RR: {@code rr} from metadata
 * (namespace, name, uid), {@code creationTimestamp} from metadata.creationTimestamp, {@code
 * snapshot} from the spec fields listed in {@link RemediationSnapshot} (never the raw payload),
 * {@code settings} from the orchestrator configuration, and {@code carriedState} null. Use {@link
 * #start}. {@code carriedState} is set only by the workflow itself when it continues as new.
 */
public record RemediationInput(
    RemediationRef rr,
    Instant creationTimestamp,
    RemediationSnapshot snapshot,
    RemediationSettings settings,
    RemediationState carriedState) {

  public RemediationInput {
    settings = settings == null ? RemediationSettings.defaults() : settings;
  }

  /** A fresh start (no carried state). */
  public static RemediationInput start(
      RemediationRef rr,
      Instant creationTimestamp,
      RemediationSnapshot snapshot,
      RemediationSettings settings) {
    return new RemediationInput(rr, creationTimestamp, snapshot, settings, null);
  }

  public RemediationInput withCarriedState(RemediationState state) {
    return new RemediationInput(rr, creationTimestamp, snapshot, settings, state);
  }
}
