package ai.kubernaut.orchestrator.workflows.model;

/** A remediation ended: release what it holds and hand its outcome to its duplicates. */
public record RoutingRelease(RoutingRequest remediation, Phase phase, Outcome outcome) {}
