package ai.kubernaut.orchestrator.workflows.model;

/**
 * Wait until the workflow with this ID has no running run (completed, failed, cancelled,
 * terminated).
 */
public record WorkflowWatch(String workflowId) {}
