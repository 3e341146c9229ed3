package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.Timestamps;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import ai.kubernaut.orchestrator.workflows.routing.RoutingClient;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
  private final BridgeActivities activities;
  private final RemediationRequestWriter writer;
  private final BridgeMetrics metrics;
  private final RemediationSettings settings;
  private final Clock clock;

  DriftReconciler(
      WorkflowClient client,
      BridgeActivities activities,
      RemediationRequestWriter writer,
      BridgeMetrics metrics,
      RemediationSettings settings,
      Clock clock) {
    this.client = client;
    this.activities = activities;
    this.writer = writer;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Marks the RR terminal if its (freshly read) status is still non-terminal. A run that reached a
   * terminal state of its own but could not write it (the API server was down when it ended) gets
   * that status as it is. A run that closed without ending (terminated, timed out, failed) is ended
   * here the way the workflow ends one: its running children are marked Failed, its routing is
   * released (a failure counts toward ConsecutiveFailures), the Escalation NotificationRequest is
   * created (StatusUpdate for a cancel), then the terminal status is written. Each step is
   * idempotent (deterministic names, create-or-adopt, sequence-guarded write), so a resync or a
   * second bridge replica repeating it changes nothing; the status goes last, so a step that failed
   * is repeated by the next pass.
   */
  WorkQueue.Result repairClosed(RemediationRequest cached, WorkflowStarter.Described workflow) {
    RemediationRequest rr =
        writer.get(cached.getMetadata().getNamespace(), cached.getMetadata().getName());
    if (rr == null || rr.isMarkedForDeletion() || RemediationRequestHandler.isTerminal(rr)) {
      return WorkQueue.Result.DONE;
    }
    RemediationState state = lastState(workflow.workflowId());
    Instant now = clock.instant();
    long sequence = nextSequence(rr, state);
    DesiredStatus desired;
    Repair repair;
    List<EventRecord> events = new ArrayList<>();
    if (state != null
        && state.status() != null
        && state.status().overallPhase() != null
        && state.status().overallPhase().isTerminal()) {
      desired = state.status();
      repair =
          new Repair(
              desired.overallPhase(), desired.outcome(), desired.reason(), desired.message());
      events.add(
          EventRecord.warning(
              "FinalStatusRecovered",
              "the remediation ended "
                  + desired.overallPhase()
                  + " but could not write it; written by the bridge"));
    } else {
      repair = repairFor(workflow);
      desired = terminal(rr, state, repair, now);
      events.add(EventRecord.warning(repair.reason(), repair.message()));
      desired = endForTheWorkflow(rr, workflow, state, repair, desired, events);
    }
    StatusWriteResult result =
        activities
            .status()
            .writeStatus(
                new StatusWrite(
                    RemediationInputMapper.ref(rr),
                    workflow.workflowId(),
                    workflow.runId(),
                    sequence,
                    desired,
                    events));
    if (result.disposition() == StatusWriteResult.Disposition.APPLIED) {
      metrics.driftRepaired(rr.getMetadata().getNamespace(), repair.reason());
      LOG.info(
          "workflow closed outside the normal path: marked {} ({})",
          repair.phase(),
          repair.reason());
    }
    return WorkQueue.Result.DONE;
  }

  /**
   * What the workflow would have done as it ended: children, routing, notification. Each step is
   * best effort (a Warning Event says what failed); returns the status with the notification ref.
   */
  private DesiredStatus endForTheWorkflow(
      RemediationRequest rr,
      WorkflowStarter.Described workflow,
      RemediationState state,
      Repair repair,
      DesiredStatus desired,
      List<EventRecord> events) {
    RemediationRef ref = RemediationInputMapper.ref(rr);
    String childrenReason =
        switch (repair.phase()) {
          case Cancelled -> "ParentCancelled";
          case TimedOut -> "ParentTimedOut";
          default -> "ParentFailed";
        };
    try {
      int n =
          activities
              .children()
              .markChildrenTerminal(new TerminateChildren(ref, childrenReason, repair.message()));
      if (n > 0) {
        events.add(
            EventRecord.normal(
                "ChildrenTerminated",
                n + " running children marked Failed (" + childrenReason + ")"));
      }
    } catch (RuntimeException e) {
      LOG.warn("could not mark the children terminal: {}", e.toString());
      events.add(EventRecord.warning("ChildrenNotTerminated", "children not marked: " + e));
    }
    releaseRouting(rr, workflow, state, repair, events);
    NotificationType type =
        repair.phase() == Phase.Cancelled
            ? NotificationType.StatusUpdate
            : NotificationType.Escalation;
    NotificationPriority priority =
        repair.phase() == Phase.Cancelled
            ? NotificationRules.informational()
            : NotificationRules.escalation(
                false, rr.getSpec() == null ? null : rr.getSpec().getSeverity());
    try {
      NotificationRef nr =
          activities
              .notifications()
              .createNotification(order(rr, workflow, state, repair, type, priority));
      events.add(
          EventRecord.normal(
              "NotificationCreated", type + " notification " + nr.name() + " (" + priority + ")"));
      return withNotification(desired, nr);
    } catch (RuntimeException e) {
      LOG.warn("could not create the {} notification: {}", type, e.toString());
      events.add(
          EventRecord.warning(
              "NotificationFailed", type + " notification could not be created: " + e));
      return desired;
    }
  }

  /** The run never released its routing registration: a failure counts toward the streak. */
  private void releaseRouting(
      RemediationRequest rr,
      WorkflowStarter.Described workflow,
      RemediationState state,
      Repair repair,
      List<EventRecord> events) {
    if (state != null && state.routing() != null && !state.routing().registered()) {
      return;
    }
    RemediationInput input = RemediationInputMapper.map(rr, settings);
    RemediationSnapshot snapshot = input.snapshot();
    if (snapshot == null
        || snapshot.target() == null
        || snapshot.signalFingerprint() == null
        || snapshot.signalFingerprint().isBlank()) {
      return;
    }
    RoutingRequest request =
        new RoutingRequest(
            input.rr(),
            workflow.workflowId(),
            snapshot.signalFingerprint(),
            snapshot.target(),
            input.creationTimestamp(),
            settings.routing());
    try {
      new RoutingClient(client)
          .release(
              new RoutingRelease(
                  request, repair.phase(), repair.outcome(), repair.reason(), repair.message()));
    } catch (RuntimeException e) {
      LOG.warn("could not release the routing registration: {}", e.toString());
      events.add(
          EventRecord.warning("RoutingReleaseFailed", "routing not released: " + e.getMessage()));
    }
  }

  private NotificationOrder order(
      RemediationRequest rr,
      WorkflowStarter.Described workflow,
      RemediationState state,
      Repair repair,
      NotificationType type,
      NotificationPriority priority) {
    RemediationSnapshot s = RemediationInputMapper.snapshot(rr.getSpec());
    DesiredStatus last = state == null ? null : state.status();
    return new NotificationOrder(
        RemediationInputMapper.ref(rr),
        type,
        priority,
        false,
        workflow.workflowId(),
        repair.phase(),
        repair.reason(),
        repair.message(),
        s.signalName(),
        s.severity(),
        s.target() == null ? null : s.target().display(),
        state != null && state.environment() != null ? state.environment() : s.environment(),
        last == null || last.recovery() == null ? 0 : last.recovery().recoveryAttempts(),
        state == null ? List.of() : state.timeline(),
        List.of(),
        null);
  }

  private static DesiredStatus withNotification(DesiredStatus d, NotificationRef nr) {
    DesiredStatus.Children c = d.children();
    List<NotificationRef> refs = new ArrayList<>(c == null ? List.of() : c.notifications());
    if (refs.stream().noneMatch(r -> r.name().equals(nr.name()))) {
      refs.add(nr);
    }
    DesiredStatus.Children children =
        c == null
            ? new DesiredStatus.Children(null, List.of(), List.of(), null, refs)
            : new DesiredStatus.Children(
                c.signalProcessing(),
                c.aiAnalyses(),
                c.workflowExecutions(),
                c.approvalRequest(),
                refs);
    return new DesiredStatus(
        d.overallPhase(),
        d.outcome(),
        d.reason(),
        d.message(),
        d.startTime(),
        d.phaseStartTime(),
        d.completionTime(),
        d.retentionExpiryTime(),
        d.timeoutConfig(),
        children,
        d.summaries(),
        d.recovery(),
        d.failure(),
        d.routing(),
        d.approvalNotificationSent());
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
            : Timestamps.parse(current == null ? null : current.getStartTime()).orElse(null);
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
        now.plus(settings.retention()),
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
}
