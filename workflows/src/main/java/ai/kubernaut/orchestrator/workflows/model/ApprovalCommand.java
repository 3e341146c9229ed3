package ai.kubernaut.orchestrator.workflows.model;

/** Input of the {@code approve} and {@code reject} updates: who decided, and why. */
public record ApprovalCommand(String by, String message) {}
