package ai.kubernaut.orchestrator.workflows.model;

/** What a completed workflow returns: the terminal phase and outcome. */
public record RemediationResult(Phase phase, Outcome outcome, String reason, String message) {}
