package ai.kubernaut.orchestrator.workflows.model;

/**
 * Input of the {@code extendTimeout} update: the phase (Processing, Analyzing, AwaitingApproval,
 * Executing, Recovering, or Global) and a positive Go duration such as {@code 15m}.
 */
public record ExtendTimeoutRequest(String phase, String by) {}
