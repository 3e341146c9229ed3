package ai.kubernaut.orchestrator.workflows.model;

/** Names one child of a remediation, for re-reading its status. */
public record ChildKey(RemediationRef rr, ChildKind kind, String name) {}
