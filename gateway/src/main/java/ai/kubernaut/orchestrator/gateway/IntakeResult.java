package ai.kubernaut.orchestrator.gateway;

import ai.kubernaut.orchestrator.gateway.signal.Signal;

/**
 * What the Gateway did with one signal.
 *
 * @param remediationRequest the RR created, counted on, or that caused the suppression; null for
 *     resolved and ignored signals with no RR
 */
public record IntakeResult(
    Signal signal, Outcome outcome, String remediationRequest, String message) {

  /** The possible outcomes, as they appear in the response body. */
  public enum Outcome {
    /** A new RemediationRequest was created. */
    CREATED,
    /** An active RemediationRequest for the fingerprint exists; its occurrence count went up. */
    DEDUPLICATED,
    /** The last RemediationRequest for the fingerprint ended within the cooldown. */
    SUPPRESSED,
    /** A resolved alert: recorded, never starts a remediation. */
    RESOLVED,
    /** Acknowledged and dropped (a Normal Kubernetes event). */
    IGNORED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
