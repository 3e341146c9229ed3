package ai.kubernaut.orchestrator.workflows.model;

/**
 * What the workflow needs to know about a child's status: sent by the bridge as the
 * childStatusChanged signal, and returned by the read-child activity. Only the details record that
 * matches {@code kind} is set. For a RemediationApprovalRequest {@code phase} is the decision
 * (Approved, Rejected, Expired) or null while undecided.
 */
public record ChildStatus(
    ChildKind kind,
    String name,
    String resourceVersion,
    String phase,
    String message,
    Classification classification,
    Analysis analysis,
    Approval approval,
    Execution execution) {

  /** SignalProcessing status. */
  public record Classification(String environment, String priority) {}

  /** AIAnalysis status. */
  public record Analysis(
      String reason,
      boolean approvalRequired,
      String approvalReason,
      boolean needsHumanReview,
      String selectedWorkflowId,
      String selectedWorkflowVersion,
      Double confidence,
      String rootCause) {

    public boolean hasSelectedWorkflow() {
      return selectedWorkflowId != null && !selectedWorkflowId.isEmpty();
    }
  }

  /** RemediationApprovalRequest decision. */
  public record Approval(String decidedBy, String decidedAt, String decisionMessage) {}

  /** WorkflowExecution status. */
  public record Execution(
      Integer stepsCompleted,
      Integer totalSteps,
      Integer failedStep,
      String failedAction,
      String errorType,
      String failureReason,
      String skipReason,
      String completionTime) {}

  /**
   * True when this status does not move the child on from {@code other}, judged only by what the
   * API guarantees: a resourceVersion is opaque (equality means the same object state), and a
   * child's lifecycle only goes forward (not started, in progress, terminal; a WorkflowExecution's
   * completed steps only grow). A status that is behind is stale; one with the same progress and
   * another version is newer (the bridge delivers each object's watch events in order).
   */
  public boolean isNoAdvanceOn(ChildStatus other) {
    if (other == null) {
      return false;
    }
    if (resourceVersion != null && resourceVersion.equals(other.resourceVersion)) {
      return true;
    }
    int byStage = Integer.compare(stage(), other.stage());
    if (byStage != 0) {
      return byStage < 0;
    }
    return steps() < other.steps();
  }

  private int stage() {
    if (phase == null || phase.isEmpty() || phase.equals("Pending")) {
      return 0;
    }
    return switch (phase) {
      case "Completed", "Failed", "Skipped", "Approved", "Rejected", "Expired" -> 2;
      default -> 1;
    };
  }

  private int steps() {
    return execution == null || execution.stepsCompleted() == null ? 0 : execution.stepsCompleted();
  }

  /**
   * The rule of runs recorded before {@link #isNoAdvanceOn}: true when this status is older than
   * {@code other} or the same version: Kubernetes resource versions are opaque, but etcd (and the
   * stand-in) issue increasing integers, so they are compared numerically when both parse and by
   * equality otherwise.
   */
  public boolean isNotNewerThan(ChildStatus other) {
    if (other == null || resourceVersion == null || other.resourceVersion == null) {
      return false;
    }
    try {
      return Long.parseLong(resourceVersion) <= Long.parseLong(other.resourceVersion);
    } catch (NumberFormatException e) {
      return resourceVersion.equals(other.resourceVersion);
    }
  }
}
