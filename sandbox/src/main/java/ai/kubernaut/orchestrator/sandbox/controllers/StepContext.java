package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a controller knows when it picks the next step of a child.
 *
 * @param script the owning RR's script ({@link Script#defaults()} when the RR is unknown)
 * @param remediationRequest the owning RR, when found
 * @param now the current time
 * @param stepDelay pause before the next ordinary step
 * @param approvalDelay pause before an approval decision
 */
record StepContext(
    Script script,
    Optional<RemediationRequest> remediationRequest,
    Instant now,
    Duration stepDelay,
    Duration approvalDelay) {

  StepContext {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(remediationRequest, "remediationRequest");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(stepDelay, "stepDelay");
    Objects.requireNonNull(approvalDelay, "approvalDelay");
  }

  /** The context for {@code script} with the configured delay {@code configured}. */
  static StepContext of(
      Script script, Optional<RemediationRequest> rr, Instant now, Duration configured) {
    return new StepContext(
        script, rr, now, script.delayOr(configured), script.approvalDelayOr(configured));
  }
}
