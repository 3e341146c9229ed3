package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * One remediation as routing sees it (SPEC §5): its identity, fingerprint and target, and the
 * creationTimestamp that breaks a tie between simultaneous duplicates (older wins, then name).
 */
public record RoutingRequest(
    RemediationRef rr,
    String workflowId,
    String signalFingerprint,
    TargetRef target,
    Instant creationTimestamp,
    String selectedWorkflowId) {}
