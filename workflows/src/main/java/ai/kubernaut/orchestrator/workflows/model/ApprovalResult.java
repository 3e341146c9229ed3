package ai.kubernaut.orchestrator.workflows.model;

/** The decision taken and the RAR it was recorded on. */
public record ApprovalResult(String decision, String approvalRequestName) {}
