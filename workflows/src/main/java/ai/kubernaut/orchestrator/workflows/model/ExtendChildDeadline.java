package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * Moves the deadline a child's own controller stops at to {@code deadline}: {@code spec.timesOutAt}
 * of a SignalProcessing, AIAnalysis or WorkflowExecution, {@code spec.requiredBy} of a
 * RemediationApprovalRequest (after an operator {@code extendTimeout} of the phase it serves).
 */
public record ExtendChildDeadline(
    RemediationRef rr, ChildKind kind, String name, Instant deadline) {}
