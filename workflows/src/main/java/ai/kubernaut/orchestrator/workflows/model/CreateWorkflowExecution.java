package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * Create (or adopt) a WorkflowExecution; the activity copies the selected workflow, parameters,
 * confidence and rationale from the named AIAnalysis's status.
 */
public record CreateWorkflowExecution(
    RemediationRef rr, String name, String aiAnalysisName, int attemptNumber, Instant timesOutAt) {}
