package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * Ask the target's execution lock for the next WorkflowExecution of one remediation. {@code
 * attempt} increases with every acquire of a run chain, so a late grant of an earlier attempt is
 * recognised; {@code cooldown} and {@code selectedWorkflowId} drive RecentlyRemediated.
 */
public record LockRequest(
    String holderWorkflowId,
    String rrName,
    TargetRef target,
    String selectedWorkflowId,
    int attempt,
    Duration cooldown) {}
