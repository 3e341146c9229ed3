package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Maps each child kind's status to the workflow's {@link ChildStatus}. A child without status yet
 * maps to phase null. A RemediationApprovalRequest's phase is its decision, or null while
 * undecided.
 */
public final class ChildStatusMapper {

  private ChildStatusMapper() {}

  public static ChildStatus map(HasMetadata child) {
    if (child instanceof SignalProcessing sp) {
      return signalProcessing(sp);
    }
    if (child instanceof AIAnalysis ai) {
      return aiAnalysis(ai);
    }
    if (child instanceof RemediationApprovalRequest rar) {
      return approvalRequest(rar);
    }
    if (child instanceof WorkflowExecution we) {
      return workflowExecution(we);
    }
    if (child instanceof NotificationRequest nr) {
      return notification(nr);
    }
    throw new IllegalArgumentException("not a child kind: " + child.getKind());
  }

  static ChildStatus signalProcessing(SignalProcessing sp) {
    SignalProcessingStatus s = sp.getStatus();
    if (s == null) {
      return empty(ChildKind.SignalProcessing, sp);
    }
    return new ChildStatus(
        ChildKind.SignalProcessing,
        name(sp),
        version(sp),
        s.getPhase() == null ? null : s.getPhase().value(),
        s.getMessage(),
        new ChildStatus.Classification(s.getEnvironment(), s.getPriority()),
        null,
        null,
        null);
  }

  static ChildStatus aiAnalysis(AIAnalysis ai) {
    AIAnalysisStatus s = ai.getStatus();
    if (s == null) {
      return empty(ChildKind.AIAnalysis, ai);
    }
    SelectedWorkflow selected = s.getSelectedWorkflow();
    return new ChildStatus(
        ChildKind.AIAnalysis,
        name(ai),
        version(ai),
        s.getPhase() == null ? null : s.getPhase().value(),
        s.getMessage(),
        null,
        new ChildStatus.Analysis(
            s.getReason(),
            Boolean.TRUE.equals(s.getApprovalRequired()),
            s.getApprovalReason(),
            Boolean.TRUE.equals(s.getNeedsHumanReview()),
            selected == null ? null : selected.getWorkflowId(),
            selected == null ? null : selected.getVersion(),
            s.getConfidence(),
            s.getRootCause()),
        null,
        null);
  }

  static ChildStatus approvalRequest(RemediationApprovalRequest rar) {
    RemediationApprovalRequestStatus s = rar.getStatus();
    if (s == null) {
      return empty(ChildKind.RemediationApprovalRequest, rar);
    }
    ApprovalDecision decision = s.getDecision();
    String phase =
        decision == null || decision == ApprovalDecision.UNKNOWN ? null : decision.value();
    return new ChildStatus(
        ChildKind.RemediationApprovalRequest,
        name(rar),
        version(rar),
        phase,
        s.getDecisionMessage(),
        null,
        null,
        new ChildStatus.Approval(s.getDecidedBy(), s.getDecidedAt(), s.getDecisionMessage()),
        null);
  }

  static ChildStatus workflowExecution(WorkflowExecution we) {
    WorkflowExecutionStatus s = we.getStatus();
    if (s == null) {
      return empty(ChildKind.WorkflowExecution, we);
    }
    return new ChildStatus(
        ChildKind.WorkflowExecution,
        name(we),
        version(we),
        s.getPhase() == null ? null : s.getPhase().value(),
        s.getMessage(),
        null,
        null,
        null,
        new ChildStatus.Execution(
            s.getStepsCompleted(),
            s.getTotalSteps(),
            s.getFailedStep(),
            s.getFailedAction(),
            s.getErrorType(),
            s.getFailureReason(),
            s.getSkipReason(),
            s.getCompletionTime()));
  }

  static ChildStatus notification(NotificationRequest nr) {
    if (nr.getStatus() == null) {
      return empty(ChildKind.NotificationRequest, nr);
    }
    return new ChildStatus(
        ChildKind.NotificationRequest,
        name(nr),
        version(nr),
        nr.getStatus().getPhase() == null ? null : nr.getStatus().getPhase().value(),
        nr.getStatus().getMessage(),
        null,
        null,
        null,
        null);
  }

  private static ChildStatus empty(ChildKind kind, HasMetadata child) {
    return new ChildStatus(kind, name(child), version(child), null, null, null, null, null, null);
  }

  private static String name(HasMetadata child) {
    return child.getMetadata().getName();
  }

  private static String version(HasMetadata child) {
    return child.getMetadata().getResourceVersion();
  }
}
