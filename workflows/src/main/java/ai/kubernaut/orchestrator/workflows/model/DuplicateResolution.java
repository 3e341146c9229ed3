package ai.kubernaut.orchestrator.workflows.model;

/**
 * Coordinator → duplicate: the owner ended. {@code released} = the owner was cancelled or deleted
 * (or its workflow closed without a release), so the duplicate proceeds on its own; otherwise it
 * inherits {@code phase}/{@code outcome}.
 */
public record DuplicateResolution(
    String owner, Phase phase, Outcome outcome, boolean released, String message) {}
