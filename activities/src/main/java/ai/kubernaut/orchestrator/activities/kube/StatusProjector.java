package ai.kubernaut.orchestrator.activities.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisSummary;
import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationDeliverySummary;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationType;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingSummary;
import ai.kubernaut.orchestrator.api.v1alpha1.TemporalRef;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionRef;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionSummary;
import ai.kubernaut.orchestrator.kube.ChildMetadata;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.ExecutionRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Projects the workflow's {@link DesiredStatus} onto a fresh {@link RemediationRequestStatus} that
 * holds only orchestrator-owned fields (pure). {@link OwnedStatusFields} then copies exactly those
 * fields onto the status read from the API server, so fields owned by others (status.deduplication,
 * unknown fields, foreign conditions) survive.
 */
public final class StatusProjector {

  private StatusProjector() {}

  /**
   * @param generation metadata.generation of the RR read just before the write
   * @param existingConditions the stored conditions (for lastTransitionTime and foreign types)
   */
  public static RemediationRequestStatus project(
      StatusWrite write,
      Long generation,
      List<Condition> existingConditions,
      Instant now,
      TemporalUi ui) {
    DesiredStatus d = write.status();
    String ns = write.rr().namespace();
    RemediationRequestStatus s = new RemediationRequestStatus();

    s.setOverallPhase(d.overallPhase() == null ? null : phase(d.overallPhase().name()));
    s.setOutcome(d.outcome() == null ? null : RemediationOutcome.fromValue(d.outcome().name()));
    s.setReason(d.reason());
    s.setMessage(d.message());
    s.setObservedGeneration(generation);
    s.setStartTime(ChildMetadata.rfc3339(d.startTime()));
    s.setPhaseStartTime(ChildMetadata.rfc3339(d.phaseStartTime()));
    s.setCompletionTime(ChildMetadata.rfc3339(d.completionTime()));
    s.setRetentionExpiryTime(ChildMetadata.rfc3339(d.retentionExpiryTime()));
    s.setConditions(StatusConditions.derive(d, generation, existingConditions, now));
    s.setTimeoutConfig(timeouts(d.timeoutConfig()));
    s.setApprovalNotificationSent(d.approvalNotificationSent());

    DesiredStatus.Children ch = d.children();
    if (ch != null) {
      s.setSignalProcessingRef(ref(ns, ch.signalProcessing()));
      s.setAiAnalysisRefs(ch.aiAnalyses().stream().map(r -> ref(ns, r)).toList());
      s.setWorkflowExecutionRefs(ch.workflowExecutions().stream().map(r -> ref(ns, r)).toList());
      s.setApprovalRequestRef(ref(ns, ch.approvalRequest()));
      s.setNotificationRequestRefs(ch.notifications().stream().map(r -> ref(ns, r)).toList());
      if (ch.notifications().stream().anyMatch(r -> r.phase() != null || r.retryOf() != null)) {
        s.setNotificationStatuses(
            ch.notifications().stream().map(StatusProjector::delivery).toList());
      }
    }

    DesiredStatus.Summaries sum = d.summaries();
    if (sum != null) {
      s.setSignalProcessingStatus(spSummary(sum.signalProcessing()));
      s.setAiAnalysisStatus(aiSummary(sum.aiAnalysis()));
      s.setWorkflowExecutionStatus(weSummary(sum.workflowExecution()));
      s.setStepsCompleted(sum.stepsCompleted());
      s.setStepsTotal(sum.stepsTotal());
      s.setOverallProgress(sum.overallProgress());
    }

    DesiredStatus.Recovery rec = d.recovery();
    if (rec != null) {
      s.setRecoveryAttempts(rec.recoveryAttempts());
      s.setMaxRecoveryAttempts(rec.maxRecoveryAttempts());
      s.setLastFailureTime(ChildMetadata.rfc3339(rec.lastFailureTime()));
      s.setRecoveryReason(rec.recoveryReason());
      s.setEscalatedToManualReview(rec.escalatedToManualReview());
    }

    DesiredStatus.Failure f = d.failure();
    if (f != null) {
      s.setFailurePhase(f.failurePhase());
      s.setFailureReason(f.failureReason());
      s.setTimeoutPhase(timeoutPhase(f.timeoutPhase()));
      s.setTimeoutTime(ChildMetadata.rfc3339(f.timeoutTime()));
    }

    DesiredStatus.Routing r = d.routing();
    if (r != null) {
      s.setBlockReason(r.blockReason());
      s.setBlockedUntil(ChildMetadata.rfc3339(r.blockedUntil()));
      s.setDuplicateOf(r.duplicateOf());
      s.setDuplicateCount(r.duplicateCount());
      s.setLastDuplicateTime(ChildMetadata.rfc3339(r.lastDuplicateTime()));
      s.setSkipReason(r.skipReason());
    }

    TemporalRef temporal = new TemporalRef();
    temporal.setWorkflowId(write.workflowId());
    temporal.setRunId(write.runId());
    temporal.setUiURL(ui == null ? null : ui.historyUrl(write.workflowId(), write.runId()));
    s.setTemporal(temporal);
    s.setStatusSequence(write.sequence());
    s.setStatusWorkflowTask(write.workflowTask() > 0 ? write.workflowTask() : null);
    s.setStatusRunId(write.runId());
    return s;
  }

  static TimeoutConfig timeouts(PhaseTimeouts t) {
    if (t == null) {
      return null;
    }
    TimeoutConfig c = new TimeoutConfig();
    c.setProcessing(format(t.processing()));
    c.setAnalyzing(format(t.analyzing()));
    c.setAwaitingApproval(format(t.awaitingApproval()));
    c.setExecuting(format(t.executing()));
    c.setRecovering(format(t.recovering()));
    c.setGlobal(format(t.global()));
    return c;
  }

  /**
   * status.timeoutPhase holds an RR phase; a global timeout ("Global") is not one, so it is left
   * out there and shows in reason/message instead.
   */
  static RemediationPhase timeoutPhase(String value) {
    if (value == null) {
      return null;
    }
    RemediationPhase phase = RemediationPhase.fromValue(value);
    return phase == RemediationPhase.UNKNOWN ? null : phase;
  }

  static ObjectReference ref(String ns, ChildRef ref) {
    return ref == null ? null : ChildMetadata.ref(ref.kind().name(), ns, ref.name(), ref.uid());
  }

  static ObjectReference ref(String ns, NotificationRef ref) {
    return ChildMetadata.ref("NotificationRequest", ns, ref.name(), ref.uid());
  }

  static NotificationDeliverySummary delivery(NotificationRef ref) {
    NotificationDeliverySummary d = new NotificationDeliverySummary();
    d.setName(ref.name());
    d.setType(ref.type() == null ? null : NotificationType.fromValue(ref.type().name()));
    d.setPhase(ref.phase() == null ? null : NotificationPhase.fromValue(ref.phase()));
    d.setMessage(ref.message());
    d.setRetryOf(ref.retryOf());
    return d;
  }

  static WorkflowExecutionRef ref(String ns, ExecutionRef ref) {
    WorkflowExecutionRef r = new WorkflowExecutionRef();
    r.setApiVersion(ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds.API_VERSION);
    r.setKind("WorkflowExecution");
    r.setName(ref.name());
    r.setNamespace(ns);
    r.setUid(ref.uid());
    if (ref.outcome() != null) {
      WorkflowExecutionPhase outcome = WorkflowExecutionPhase.fromValue(ref.outcome());
      r.setOutcome(outcome == WorkflowExecutionPhase.UNKNOWN ? null : outcome);
    }
    r.setAttemptNumber(ref.attemptNumber());
    r.setFailedStep(ref.failedStep());
    r.setFailureReason(ref.failureReason());
    r.setCompletionTime(ChildMetadata.rfc3339(ref.completionTime()));
    return r;
  }

  static SignalProcessingSummary spSummary(ChildStatus c) {
    if (c == null) {
      return null;
    }
    SignalProcessingSummary s = new SignalProcessingSummary();
    s.setPhase(c.phase() == null ? null : SignalProcessingPhase.fromValue(c.phase()));
    if (c.classification() != null) {
      s.setEnvironment(c.classification().environment());
      s.setPriority(c.classification().priority());
    }
    s.setMessage(c.message());
    return s;
  }

  static AIAnalysisSummary aiSummary(ChildStatus c) {
    if (c == null) {
      return null;
    }
    AIAnalysisSummary s = new AIAnalysisSummary();
    s.setPhase(c.phase() == null ? null : AIAnalysisPhase.fromValue(c.phase()));
    if (c.analysis() != null) {
      s.setReason(c.analysis().reason());
      s.setConfidence(c.analysis().confidence());
      s.setRootCause(c.analysis().rootCause());
      s.setSelectedWorkflowId(c.analysis().selectedWorkflowId());
      s.setApprovalRequired(c.analysis().approvalRequired());
    }
    s.setMessage(c.message());
    return s;
  }

  static WorkflowExecutionSummary weSummary(ChildStatus c) {
    if (c == null) {
      return null;
    }
    WorkflowExecutionSummary s = new WorkflowExecutionSummary();
    s.setPhase(c.phase() == null ? null : WorkflowExecutionPhase.fromValue(c.phase()));
    if (c.execution() != null) {
      s.setStepsCompleted(c.execution().stepsCompleted());
      s.setTotalSteps(c.execution().totalSteps());
      s.setFailedStep(c.execution().failedStep());
      s.setFailureReason(c.execution().failureReason());
    }
    s.setMessage(c.message());
    return s;
  }

  private static RemediationPhase phase(String name) {
    return RemediationPhase.fromValue(name);
  }

  private static String format(Duration d) {
    return d == null ? null : GoDuration.format(d);
  }
}
