package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.Phase;

/**
 * status.overallProgress (0–100) aggregated from the children: each finished stage is worth a fixed
 * share and the WorkflowExecution's steps fill the rest.
 */
public final class Progress {

  private Progress() {}

  public static int overall(Phase phase, boolean succeeded, int stepsCompleted, int stepsTotal) {
    return switch (phase) {
      case Pending -> 0;
      case Processing -> 5;
      case Analyzing, Recovering -> 20;
      case AwaitingApproval -> 35;
      case Executing ->
          40 + (stepsTotal <= 0 ? 0 : 60 * clamp(stepsCompleted, stepsTotal) / stepsTotal);
      case Completed -> 100;
      default -> succeeded ? 100 : executingShare(stepsCompleted, stepsTotal);
    };
  }

  private static int executingShare(int done, int total) {
    return total <= 0 ? 0 : 40 + 60 * clamp(done, total) / total;
  }

  private static int clamp(int done, int total) {
    return Math.max(0, Math.min(done, total));
  }
}
