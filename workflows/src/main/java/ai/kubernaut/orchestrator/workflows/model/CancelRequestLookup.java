package ai.kubernaut.orchestrator.workflows.model;

/** Which run's cancel request to describe (its WorkflowExecutionCancelRequested event). */
public record CancelRequestLookup(String workflowId, String runId) {}
