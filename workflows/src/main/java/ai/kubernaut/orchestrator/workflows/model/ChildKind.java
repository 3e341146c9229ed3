package ai.kubernaut.orchestrator.workflows.model;

/** The child resources the workflow creates and waits on (names equal the CRD kinds). */
public enum ChildKind {
  SignalProcessing,
  AIAnalysis,
  RemediationApprovalRequest,
  WorkflowExecution,
  NotificationRequest
}
