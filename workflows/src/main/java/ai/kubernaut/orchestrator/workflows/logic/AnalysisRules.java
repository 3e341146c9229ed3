package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;

/** What a finished AIAnalysis (initial or recovery) leads to (SPEC §3 Analyzing). */
public final class AnalysisRules {

  public static final String WORKFLOW_NOT_NEEDED = "WorkflowNotNeeded";

  /** The next step after an analysis. */
  public enum Next {
    /** WorkflowNotNeeded: Completed, outcome NoActionRequired. */
    NO_ACTION,
    /** Failed, or nothing safe to run: Failed, outcome ManualReviewRequired. */
    MANUAL_REVIEW,
    /** A workflow was selected but a person must approve it. */
    AWAIT_APPROVAL,
    /** Run the selected workflow. */
    EXECUTE
  }

  /** The decision and the reason written to status (null when none is needed). */
  public record Decision(Next next, String reason) {}

  private AnalysisRules() {}

  public static Decision decide(ChildStatus ai) {
    if (ChildPhases.FAILED.equals(ai.phase())) {
      return new Decision(Next.MANUAL_REVIEW, "AIAnalysisFailed");
    }
    ChildStatus.Analysis a = ai.analysis();
    if (a == null) {
      return new Decision(Next.MANUAL_REVIEW, "NoWorkflowSelected");
    }
    if (WORKFLOW_NOT_NEEDED.equals(a.reason())) {
      return new Decision(Next.NO_ACTION, WORKFLOW_NOT_NEEDED);
    }
    if (!a.hasSelectedWorkflow()) {
      return new Decision(
          Next.MANUAL_REVIEW, a.needsHumanReview() ? "HumanReviewRequired" : "NoWorkflowSelected");
    }
    // a selected workflow a person should look at goes through the approval gate
    if (a.approvalRequired() || a.needsHumanReview()) {
      return new Decision(
          Next.AWAIT_APPROVAL,
          a.approvalReason() != null ? a.approvalReason() : "ApprovalRequired");
    }
    return new Decision(Next.EXECUTE, null);
  }
}
