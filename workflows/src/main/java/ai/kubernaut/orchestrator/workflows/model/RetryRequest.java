package ai.kubernaut.orchestrator.workflows.model;

/** Input of the {@code retry} update; {@code reason} is optional and recorded for audit. */
public record RetryRequest(String reason) {}
