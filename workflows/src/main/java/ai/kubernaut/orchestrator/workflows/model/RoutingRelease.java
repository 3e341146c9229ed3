package ai.kubernaut.orchestrator.workflows.model;

/**
 * A remediation ended: the coordinator hands its outcome to its duplicates (or releases them when
 * it was cancelled) and counts the failure streak. {@code reason} tells a routing failure
 * (ConsecutiveFailures) apart from a remediation that really failed.
 */
public record RoutingRelease(
    RoutingRequest remediation, Phase phase, Outcome outcome, String reason, String message) {}
