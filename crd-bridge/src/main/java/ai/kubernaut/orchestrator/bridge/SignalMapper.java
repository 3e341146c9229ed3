package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.bridge.BridgeMetrics.FilterReason;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a child informer event into the {@code childStatusChanged} signal the workflow needs, or
 * into nothing. Pure: no client, no clock. Every filtering decision of the bridge lives here.
 */
public final class SignalMapper {

  private SignalMapper() {}

  /** The signal for the change from {@code oldChild} (null on add) to {@code newChild}, if any. */
  public static Optional<ChildStatus> map(HasMetadata oldChild, HasMetadata newChild) {
    return Optional.ofNullable(decide(oldChild, newChild).status());
  }

  /** Like {@link #map}, but says why an event was dropped. */
  public static Decision decide(HasMetadata oldChild, HasMetadata newChild) {
    ChildStatus next = toChildStatus(newChild);
    if (next == null) {
      return Decision.drop(FilterReason.NO_STATUS);
    }
    if (oldChild == null) {
      return Decision.signal(next);
    }
    String oldVersion = oldChild.getMetadata().getResourceVersion();
    if (Objects.equals(oldVersion, next.resourceVersion())) {
      return Decision.drop(FilterReason.RESYNC);
    }
    ChildStatus previous = toChildStatus(oldChild);
    if (previous != null && next.isNotNewerThan(previous)) {
      return Decision.drop(FilterReason.STALE);
    }
    if (previous != null && withoutVersion(previous).equals(withoutVersion(next))) {
      return Decision.drop(FilterReason.UNCHANGED);
    }
    return Decision.signal(next);
  }

  /**
   * What the workflow reads from {@code child}, or null while the child has no phase (or, for a
   * RemediationApprovalRequest, no decision): there is nothing to tell the workflow yet.
   */
  public static ChildStatus toChildStatus(HasMetadata child) {
    if (child == null) {
      return null;
    }
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
    throw new IllegalArgumentException("not a remediation child: " + child.getKind());
  }

  /** The child kind of a child resource object. */
  public static ChildKind kindOf(HasMetadata child) {
    return ChildKind.valueOf(child.getKind());
  }

  private static ChildStatus signalProcessing(SignalProcessing sp) {
    SignalProcessingStatus s = sp.getStatus();
    if (s == null || s.getPhase() == null) {
      return null;
    }
    return base(sp, s.getPhase().value(), s.getMessage())
        .classification(new ChildStatus.Classification(s.getEnvironment(), s.getPriority()))
        .build();
  }

  private static ChildStatus aiAnalysis(AIAnalysis ai) {
    AIAnalysisStatus s = ai.getStatus();
    if (s == null || s.getPhase() == null) {
      return null;
    }
    SelectedWorkflow selected = s.getSelectedWorkflow();
    return base(ai, s.getPhase().value(), s.getMessage())
        .analysis(
            new ChildStatus.Analysis(
                s.getReason(),
                Boolean.TRUE.equals(s.getApprovalRequired()),
                s.getApprovalReason(),
                Boolean.TRUE.equals(s.getNeedsHumanReview()),
                selected == null ? null : selected.getWorkflowId(),
                selected == null ? null : selected.getVersion(),
                s.getConfidence(),
                s.getRootCause()))
        .build();
  }

  private static ChildStatus approvalRequest(RemediationApprovalRequest rar) {
    RemediationApprovalRequestStatus s = rar.getStatus();
    if (s == null || s.getDecision() == null) {
      return null;
    }
    return base(rar, s.getDecision().value(), s.getDecisionMessage())
        .approval(
            new ChildStatus.Approval(s.getDecidedBy(), s.getDecidedAt(), s.getDecisionMessage()))
        .build();
  }

  private static ChildStatus workflowExecution(WorkflowExecution we) {
    WorkflowExecutionStatus s = we.getStatus();
    if (s == null || s.getPhase() == null) {
      return null;
    }
    return base(we, s.getPhase().value(), s.getMessage())
        .execution(
            new ChildStatus.Execution(
                s.getStepsCompleted(),
                s.getTotalSteps(),
                s.getFailedStep(),
                s.getFailedAction(),
                s.getErrorType(),
                s.getFailureReason(),
                s.getSkipReason(),
                s.getCompletionTime()))
        .build();
  }

  private static ChildStatus notification(NotificationRequest nr) {
    NotificationRequestStatus s = nr.getStatus();
    if (s == null || s.getPhase() == null) {
      return null;
    }
    return base(nr, s.getPhase().value(), s.getMessage()).build();
  }

  private static Builder base(HasMetadata child, String phase, String message) {
    return new Builder(
        kindOf(child),
        child.getMetadata().getName(),
        child.getMetadata().getResourceVersion(),
        phase,
        message);
  }

  private static ChildStatus withoutVersion(ChildStatus s) {
    return new ChildStatus(
        s.kind(),
        s.name(),
        null,
        s.phase(),
        s.message(),
        s.classification(),
        s.analysis(),
        s.approval(),
        s.execution());
  }

  /** A signal to send ({@code status} set), or the reason the event was dropped. */
  public record Decision(ChildStatus status, FilterReason dropped) {

    static Decision signal(ChildStatus status) {
      return new Decision(status, null);
    }

    static Decision drop(FilterReason reason) {
      return new Decision(null, reason);
    }

    public boolean isSignal() {
      return status != null;
    }
  }

  private static final class Builder {
    private final ChildKind kind;
    private final String name;
    private final String resourceVersion;
    private final String phase;
    private final String message;
    private ChildStatus.Classification classification;
    private ChildStatus.Analysis analysis;
    private ChildStatus.Approval approval;
    private ChildStatus.Execution execution;

    Builder(ChildKind kind, String name, String resourceVersion, String phase, String message) {
      this.kind = kind;
      this.name = name;
      this.resourceVersion = resourceVersion;
      this.phase = phase;
      this.message = message;
    }

    Builder classification(ChildStatus.Classification value) {
      this.classification = value;
      return this;
    }

    Builder analysis(ChildStatus.Analysis value) {
      this.analysis = value;
      return this;
    }

    Builder approval(ChildStatus.Approval value) {
      this.approval = value;
      return this;
    }

    Builder execution(ChildStatus.Execution value) {
      this.execution = value;
      return this;
    }

    ChildStatus build() {
      return new ChildStatus(
          kind,
          name,
          resourceVersion,
          phase,
          message,
          classification,
          analysis,
          approval,
          execution);
    }
  }
}
