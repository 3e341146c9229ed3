package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;
import java.util.List;

/**
 * Every RR status field the orchestrator owns, as the workflow wants it. The status activity
 * projects it onto the RR (leaving fields it does not own, such as status.deduplication, alone) and
 * derives conditions and observedGeneration itself.
 */
public record DesiredStatus(
    Phase overallPhase,
    Outcome outcome,
    String reason,
    String message,
    Instant startTime,
    Instant phaseStartTime,
    Instant completionTime,
    Instant retentionExpiryTime,
    PhaseTimeouts timeoutConfig,
    Children children,
    Summaries summaries,
    Recovery recovery,
    Failure failure,
    Routing routing,
    boolean approvalNotificationSent) {

  /** status.*Ref fields. */
  public record Children(
      ChildRef signalProcessing,
      List<ChildRef> aiAnalyses,
      List<ExecutionRef> workflowExecutions,
      ChildRef approvalRequest,
      List<NotificationRef> notifications) {

    public Children {
      aiAnalyses = aiAnalyses == null ? List.of() : List.copyOf(aiAnalyses);
      workflowExecutions = workflowExecutions == null ? List.of() : List.copyOf(workflowExecutions);
      notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }
  }

  /** Latest child statuses and progress aggregated from them. */
  public record Summaries(
      ChildStatus signalProcessing,
      ChildStatus aiAnalysis,
      ChildStatus workflowExecution,
      int stepsCompleted,
      int stepsTotal,
      int overallProgress) {}

  public record Recovery(
      int recoveryAttempts,
      int maxRecoveryAttempts,
      Instant lastFailureTime,
      String recoveryReason,
      boolean escalatedToManualReview) {}

  public record Failure(
      String failurePhase, String failureReason, String timeoutPhase, Instant timeoutTime) {}

  public record Routing(
      String blockReason,
      Instant blockedUntil,
      String duplicateOf,
      int duplicateCount,
      Instant lastDuplicateTime,
      String skipReason) {}
}
