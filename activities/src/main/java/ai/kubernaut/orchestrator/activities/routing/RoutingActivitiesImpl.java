package ai.kubernaut.orchestrator.activities.routing;

import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.WorkflowWatch;
import ai.kubernaut.orchestrator.workflows.routing.RoutingClient;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import java.time.Duration;

/**
 * Routing activities: thin calls into the coordination workflows through the Temporal client (every
 * decision is taken inside those workflows). The coordination workflows are started, when needed,
 * on the task queue of the calling activity, i.e. the remediation worker's own queue.
 *
 * <p>Wiring: {@code new RoutingActivitiesImpl(workflowClient)} with the worker's client (the one
 * built with {@code RemediationDataConverter.get()}), registered on the same worker as {@code
 * RemediationWorkflows.register(worker)}.
 */
public final class RoutingActivitiesImpl implements RoutingActivities {

  /** How long one long poll of the close watch waits before it heartbeats. */
  static final Duration WATCH_SLICE = Duration.ofSeconds(20);

  private final RoutingClient routing;
  private final Duration watchSlice;

  public RoutingActivitiesImpl(WorkflowClient client) {
    this(client, WATCH_SLICE);
  }

  RoutingActivitiesImpl(WorkflowClient client, Duration watchSlice) {
    this.routing = new RoutingClient(client);
    this.watchSlice = watchSlice;
  }

  @Override
  public RoutingVerdict registerRemediation(RoutingRequest request) {
    return routing.register(request, taskQueue());
  }

  @Override
  public RoutingReleaseResult releaseRemediation(RoutingRelease release) {
    return routing.release(release);
  }

  @Override
  public LockAnswer acquireExecutionLock(LockRequest request) {
    return routing.acquire(request, taskQueue());
  }

  /**
   * Long-polls the workflow's result in slices and heartbeats between them, so a cancel from the
   * coordination workflow (the holder released normally) stops it within one slice.
   */
  @Override
  public void awaitWorkflowClosed(WorkflowWatch watch) {
    while (!routing.awaitClosed(watch.workflowId(), watchSlice)) {
      Activity.getExecutionContext().heartbeat(watch.workflowId());
    }
  }

  private static String taskQueue() {
    return Activity.getExecutionContext().getInfo().getActivityTaskQueue();
  }
}
