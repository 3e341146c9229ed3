package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/** The phase that was retried, the recreated child and its new deadline. */
public record RetryResult(Phase phase, String childName, int retry, Instant deadline) {}
