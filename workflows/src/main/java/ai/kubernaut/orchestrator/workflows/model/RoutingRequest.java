package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * One remediation as routing sees it (SPEC §5): its identity, fingerprint and target, the
 * creationTimestamp that breaks a tie between simultaneous duplicates (older wins, then name), and
 * the routing policy its run was started with.
 */
public record RoutingRequest(
    RemediationRef rr,
    String workflowId,
    String signalFingerprint,
    TargetRef target,
    Instant creationTimestamp,
    RoutingPolicy policy) {}
