package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/** Why the previous attempt failed; passed into a recovery AIAnalysis. */
public record RecoveryContext(
    int attemptNumber,
    String failedWorkflowExecution,
    Integer failedStep,
    String failedAction,
    String errorType,
    String failureReason,
    List<String> previousAnalyses) {

  public RecoveryContext {
    previousAnalyses = previousAnalyses == null ? List.of() : List.copyOf(previousAnalyses);
  }
}
