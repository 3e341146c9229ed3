package ai.kubernaut.orchestrator.workflows.model;

/**
 * A holder or waiter gives the lock up. {@code completedWorkflowId} is the selected workflow when
 * the WorkflowExecution completed (it starts the RecentlyRemediated cooldown), else null.
 */
public record LockRelease(String holderWorkflowId, String rrName, String completedWorkflowId) {}
