package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.model.CancelRequestInfo;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestLookup;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of the routing protocol, shared by the {@code RoutingActivities} implementation
 * (module activities) and the workflow tests: update-with-start on the coordination workflows
 * (conflict policy USE_EXISTING, so every caller reaches the one running workflow of that ID, or
 * starts it), a plain update for the release, and the close watch. Update IDs are derived from the
 * caller's workflow ID, so a retried activity is deduplicated by the server as well as by the
 * handlers.
 */
public final class RoutingClient {

  private final WorkflowClient client;

  public RoutingClient(WorkflowClient client) {
    this.client = client;
  }

  /** Registers with {@code coord/<fingerprint>/<target>}, starting it on {@code taskQueue}. */
  public RoutingVerdict register(RoutingRequest request, String taskQueue) {
    String id = RoutingIds.coordinator(request.signalFingerprint(), request.target());
    FingerprintCoordinatorWorkflow wf =
        client.newWorkflowStub(FingerprintCoordinatorWorkflow.class, startOptions(id, taskQueue));
    WithStartWorkflowOperation<Void> start =
        new WithStartWorkflowOperation<>(
            wf::run,
            new FingerprintCoordinatorWorkflow.Input(
                request.signalFingerprint(), request.target(), request.policy(), null));
    return WorkflowClient.executeUpdateWithStart(
        wf::register,
        request,
        UpdateOptions.<RoutingVerdict>newBuilder()
            .setUpdateId("register/" + request.workflowId())
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        start);
  }

  /**
   * Gives the lock back when the release carries it (a lock workflow that is gone holds nothing),
   * then releases at the coordinator; a coordinator that is gone has nothing to hand over. Both are
   * idempotent: a retried activity signals and releases again harmlessly.
   */
  public RoutingReleaseResult release(RoutingRelease release) {
    RoutingRequest r = release.remediation();
    if (release.lock() != null) {
      try {
        client
            .newWorkflowStub(TargetLockWorkflow.class, RoutingIds.lock(r.target()))
            .release(release.lock());
      } catch (WorkflowNotFoundException e) {
        // no lock workflow running: nothing is held
      }
    }
    String id = RoutingIds.coordinator(r.signalFingerprint(), r.target());
    try {
      return client.newWorkflowStub(FingerprintCoordinatorWorkflow.class, id).release(release);
    } catch (WorkflowNotFoundException e) {
      return new RoutingReleaseResult(null);
    }
  }

  /** Acquires {@code lock/<target>}, starting it on {@code taskQueue}. */
  public LockAnswer acquire(LockRequest request, String taskQueue) {
    String id = RoutingIds.lock(request.target());
    TargetLockWorkflow wf =
        client.newWorkflowStub(TargetLockWorkflow.class, startOptions(id, taskQueue));
    WithStartWorkflowOperation<Void> start =
        new WithStartWorkflowOperation<>(
            wf::run, new TargetLockWorkflow.Input(request.target(), null));
    return WorkflowClient.executeUpdateWithStart(
        wf::acquire,
        request,
        UpdateOptions.<LockAnswer>newBuilder()
            .setUpdateId("acquire/" + request.holderWorkflowId() + "/" + request.attempt())
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        start);
  }

  /**
   * Waits up to {@code slice} for the workflow (latest run, following continue-as-new) to close.
   * Returns true once no run of it is running; false when it still runs after the slice.
   */
  public boolean awaitClosed(String workflowId, Duration slice) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    try {
      stub.getResult(slice.toMillis(), TimeUnit.MILLISECONDS, Object.class);
    } catch (TimeoutException e) {
      return false;
    } catch (WorkflowNotFoundException e) {
      return true;
    } catch (RuntimeException e) {
      // failed, cancelled, terminated: closed; a reset starts a new run, checked below
    }
    try {
      WorkflowExecutionStatus s = client.newUntypedWorkflowStub(workflowId).describe().getStatus();
      return s != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException e) {
      return true;
    }
  }

  /** The cause and identity of the run's WorkflowExecutionCancelRequested event, if any. */
  public CancelRequestInfo cancelRequest(CancelRequestLookup lookup) {
    WorkflowExecutionHistory history = client.fetchHistory(lookup.workflowId(), lookup.runId());
    return history.getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionCancelRequestedEventAttributes)
        .reduce((first, second) -> second)
        .map(HistoryEvent::getWorkflowExecutionCancelRequestedEventAttributes)
        .map(a -> new CancelRequestInfo(blankToNull(a.getCause()), blankToNull(a.getIdentity())))
        .orElse(CancelRequestInfo.unknown());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static WorkflowOptions startOptions(String id, String taskQueue) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(taskQueue)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary(id)
        .build();
  }
}
