package ai.kubernaut.orchestrator.workflows.model;

/**
 * What a workflow that completes returns: the terminal phase (Completed or Skipped) and outcome.
 * Failed and TimedOut remediations end the workflow failed instead, with a non-retryable
 * ApplicationFailure whose type is the failure phase or reason; Cancelled ends it cancelled.
 */
public record RemediationResult(Phase phase, Outcome outcome, String reason, String message) {}
