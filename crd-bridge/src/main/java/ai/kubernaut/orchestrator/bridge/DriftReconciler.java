package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs a non-terminal RR whose workflow closed outside the normal path (terminated, timed out,
 * failed, cancelled without writing status): the RR gets a terminal status with a reason such as
 * {@code WorkflowTerminated}, written through the same {@link StatusActivities} the workflow uses,
 * with the closed run's ID and the next write sequence.
 */
final class DriftReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(DriftReconciler.class);

  /** The terminal status a closed workflow leaves its RR in. */
  record Repair(Phase phase, Outcome outcome, String reason, String message) {}

  private final WorkflowClient client;
  private final StatusActivities statusWriter;
  private final RemediationRequestWriter writer;
  private final BridgeMetrics metrics;
  private final Duration retention;
  private final Clock clock;

  DriftReconciler(
      WorkflowClient client,
      StatusActivities statusWriter,
      RemediationRequestWriter writer,
      BridgeMetrics metrics,
      Duration retention,
      Clock clock) {
    this.client = client;
    this.statusWriter = statusWriter;
    this.writer = writer;
    this.metrics = metrics;
    this.retention = retention;
    this.clock = clock;
  }

  /** Marks the RR terminal if its (freshly read) status is still non-terminal. */
  WorkQueue.Result repairClosed(RemediationRequest cached, WorkflowStarter.Described workflow) {
    RemediationRequest rr =
        writer.get(cached.getMetadata().getNamespace(), cached.getMetadata().getName());
    if (rr == null || rr.isMarkedForDeletion() || RemediationRequestHandler.isTerminal(rr)) {
      return WorkQueue.Result.DONE;
    }
    Repair repair = repairFor(workflow);
    RemediationState state = lastState(workflow.workflowId());
    Instant now = clock.instant();
    DesiredStatus desired = terminal(rr, state, repair, now);
    long sequence = nextSequence(rr, state);
    StatusWriteResult result =
        statusWriter.writeStatus(
            new StatusWrite(
                RemediationInputMapper.ref(rr),
                workflow.workflowId(),
                workflow.runId(),
                sequence,
                desired,
                List.of(EventRecord.warning(repair.reason(), repair.message()))));
    if (result.disposition() == StatusWriteResult.Disposition.APPLIED) {
      metrics.driftRepaired(rr.getMetadata().getNamespace(), repair.reason());
      LOG.info(
          "workflow closed outside the normal path: marked {} ({})",
          repair.phase(),
          repair.reason());
    }
    return WorkQueue.Result.DONE;
  }

  /** The terminal phase, outcome and reason for a closed workflow run. */
  Repair repairFor(WorkflowStarter.Described workflow) {
    WorkflowExecutionStatus status = workflow.status();
    switch (status) {
      case WORKFLOW_EXECUTION_STATUS_TERMINATED:
        return new Repair(
            Phase.Failed,
            Outcome.Failed,
            "WorkflowTerminated",
            "the remediation workflow was terminated before it finished");
      case WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
        return new Repair(
            Phase.TimedOut,
            Outcome.TimedOut,
            "WorkflowTimedOut",
            "the remediation workflow hit its Temporal execution timeout");
      case WORKFLOW_EXECUTION_STATUS_CANCELED:
        return new Repair(
            Phase.Cancelled,
            Outcome.Cancelled,
            "WorkflowCancelled",
            "the remediation workflow was cancelled before it wrote a final status");
      case WORKFLOW_EXECUTION_STATUS_COMPLETED:
        return completed(workflow.workflowId());
      default:
        return new Repair(
            Phase.Failed,
            Outcome.Failed,
            "WorkflowFailed",
            "the remediation workflow failed outside the normal path");
    }
  }

  private Repair completed(String workflowId) {
    try {
      RemediationResult result =
          client.newUntypedWorkflowStub(workflowId).getResult(RemediationResult.class);
      if (result != null && result.phase() != null && result.phase().isTerminal()) {
        return new Repair(
            result.phase(),
            result.outcome(),
            result.reason() == null ? "WorkflowCompleted" : result.reason(),
            result.message() == null ? "the remediation workflow completed" : result.message());
      }
    } catch (RuntimeException e) {
      LOG.debug("no result for completed workflow: {}", e.toString());
    }
    return new Repair(
        Phase.Failed,
        Outcome.Failed,
        "WorkflowCompleted",
        "the remediation workflow completed without a final status");
  }

  private RemediationState lastState(String workflowId) {
    try {
      return client.newWorkflowStub(RemediationWorkflow.class, workflowId).state();
    } catch (RuntimeException e) {
      LOG.debug("state query failed, repairing from the RR status: {}", e.toString());
      return null;
    }
  }

  private DesiredStatus terminal(
      RemediationRequest rr, RemediationState state, Repair repair, Instant now) {
    DesiredStatus base = state == null ? null : state.status();
    RemediationRequestStatus current = rr.getStatus();
    Instant startTime =
        base != null && base.startTime() != null
            ? base.startTime()
            : parse(current == null ? null : current.getStartTime());
    String failedIn =
        base != null && base.overallPhase() != null
            ? base.overallPhase().name()
            : current == null || current.getOverallPhase() == null
                ? null
                : current.getOverallPhase().value();
    DesiredStatus.Failure failure =
        repair.phase() == Phase.Failed
            ? new DesiredStatus.Failure(failedIn, repair.reason(), null, null)
            : repair.phase() == Phase.TimedOut
                ? new DesiredStatus.Failure(null, null, failedIn, now)
                : base == null ? null : base.failure();
    return new DesiredStatus(
        repair.phase(),
        repair.outcome(),
        repair.reason(),
        repair.message(),
        startTime,
        now,
        now,
        now.plus(retention),
        base == null ? null : base.timeoutConfig(),
        base == null ? null : base.children(),
        base == null ? null : base.summaries(),
        base == null ? null : base.recovery(),
        failure,
        base == null ? null : base.routing(),
        base != null
            ? base.approvalNotificationSent()
            : current != null && Boolean.TRUE.equals(current.getApprovalNotificationSent()));
  }

  private static long nextSequence(RemediationRequest rr, RemediationState state) {
    long stored =
        rr.getStatus() == null || rr.getStatus().getStatusSequence() == null
            ? 0
            : rr.getStatus().getStatusSequence();
    long carried = state == null ? 0 : state.statusSequence();
    return Math.max(stored, carried) + 1;
  }

  private static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
