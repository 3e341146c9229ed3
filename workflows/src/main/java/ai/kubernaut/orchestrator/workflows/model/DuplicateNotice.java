package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/** Coordinator → owner: {@code duplicate} was registered as a duplicate of this remediation. */
public record DuplicateNotice(String duplicate, String duplicateWorkflowId, Instant at) {}
