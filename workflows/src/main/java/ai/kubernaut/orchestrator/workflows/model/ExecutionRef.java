package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/** One entry of status.workflowExecutionRefs. */
public record ExecutionRef(
    String name,
    String uid,
    String outcome,
    int attemptNumber,
    Integer failedStep,
    String failureReason,
    Instant completionTime) {}
