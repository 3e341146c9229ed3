package ai.kubernaut.orchestrator.workflows.model;

/** RR status.overallPhase, as the workflow sees it (names equal the CRD strings). */
public enum Phase {
  Pending,
  Processing,
  Analyzing,
  AwaitingApproval,
  Executing,
  Recovering,
  Blocked,
  Completed,
  Failed,
  TimedOut,
  Cancelled,
  Skipped;

  public boolean isTerminal() {
    return this == Completed
        || this == Failed
        || this == TimedOut
        || this == Cancelled
        || this == Skipped;
  }
}
