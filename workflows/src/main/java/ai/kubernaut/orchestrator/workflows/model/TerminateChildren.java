package ai.kubernaut.orchestrator.workflows.model;

/**
 * Mark every child of the RR that is still running as Failed with {@code reason} (ParentCancelled
 * or ParentTimedOut), so nothing keeps acting on a finished remediation.
 */
public record TerminateChildren(RemediationRef rr, String reason, String message) {}
