package ai.kubernaut.orchestrator.workflows.model;

/**
 * A remediation ended: the coordinator hands its outcome to its duplicates (or releases them when
 * it was cancelled) and counts the failure streak. {@code reason} tells a routing failure
 * (ConsecutiveFailures) apart from a remediation that really failed. {@code lock}, when set, is the
 * target's execution lock to give back first, in the same activity (runs since change {@code
 * local-writes}; before, the workflow signalled it itself).
 */
public record RoutingRelease(
    RoutingRequest remediation,
    Phase phase,
    Outcome outcome,
    String reason,
    String message,
    LockRelease lock) {

  /** A release that gives no lock back. */
  public RoutingRelease(
      RoutingRequest remediation, Phase phase, Outcome outcome, String reason, String message) {
    this(remediation, phase, outcome, reason, message, null);
  }
}
