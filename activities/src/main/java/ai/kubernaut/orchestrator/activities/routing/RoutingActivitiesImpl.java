package ai.kubernaut.orchestrator.activities.routing;

import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestInfo;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestLookup;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.WorkflowWatch;
import ai.kubernaut.orchestrator.workflows.routing.RoutingClient;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Routing activities: thin calls into the coordination workflows through the Temporal client (every
 * decision is taken inside those workflows). The coordination workflows are started, when needed,
 * on the task queue of the calling activity, i.e. the remediation worker's own queue.
 *
 * <p>Wiring: {@code new RoutingActivitiesImpl(workflowClient)} with the worker's client (the one
 * built with {@code RemediationDataConverter.get()}), registered on the same worker as {@code
 * RemediationWorkflowHosting.register(worker)}.
 */
public final class RoutingActivitiesImpl implements RoutingActivities {

  /** How long one look of the close watch waits for the workflow's result. */
  static final Duration WATCH_SLICE = Duration.ofMillis(500);

  /** Failure type of a look that found the watched workflow still running (benign, retried). */
  public static final String STILL_RUNNING = "WorkflowStillRunning";

  /** How often a registration or lock acquisition that still waits for its answer heartbeats. */
  static final Duration REGISTRATION_HEARTBEAT = Duration.ofSeconds(5);

  // routing calls waiting for a coordination workflow's answer; at most one per activity slot
  private static final ExecutorService WAITING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "routing-wait");
            t.setDaemon(true);
            return t;
          });

  private final RoutingClient routing;
  private final Duration watchSlice;
  private final Duration heartbeatEvery;

  public RoutingActivitiesImpl(WorkflowClient client) {
    this(client, WATCH_SLICE, REGISTRATION_HEARTBEAT);
  }

  RoutingActivitiesImpl(WorkflowClient client, Duration watchSlice, Duration heartbeatEvery) {
    this.routing = new RoutingClient(client);
    this.watchSlice = watchSlice;
    this.heartbeatEvery = heartbeatEvery;
  }

  /**
   * Waits for the coordinator's answer (the settle window; under a burst, its turn) and heartbeats
   * meanwhile: see {@link #awaitAnswer}.
   */
  @Override
  public RoutingVerdict registerRemediation(RoutingRequest request) {
    String queue = taskQueue();
    return awaitAnswer(() -> routing.register(request, queue));
  }

  @Override
  public RoutingReleaseResult releaseRemediation(RoutingRelease release) {
    return routing.release(release);
  }

  /** Waits for the lock workflow's answer (under a burst, its turn): see {@link #awaitAnswer}. */
  @Override
  public LockAnswer acquireExecutionLock(LockRequest request) {
    String queue = taskQueue();
    return awaitAnswer(() -> routing.acquire(request, queue));
  }

  /**
   * Runs the update on a separate thread and heartbeats every {@code heartbeatEvery} until it
   * answers, so the attempt lives as long as the answer takes instead of timing out and being
   * retried while its update still runs. A heartbeat that learns of a cancel or a timeout stops the
   * wait; the update itself is answered once and kept by the server for the retry.
   */
  private <T> T awaitAnswer(Callable<T> update) {
    Future<T> answer = WAITING.submit(update);
    try {
      while (true) {
        try {
          return answer.get(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
          Activity.getExecutionContext().heartbeat(null);
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a routing answer", e);
    } finally {
      answer.cancel(true);
    }
  }

  /**
   * One short look per attempt: returns once no run of the workflow is running, else fails with a
   * retryable, benign {@value #STILL_RUNNING}, so the watch's retry policy (1 s doubling to 1 min)
   * is the polling schedule. No worker slot is held between looks: a watch that stayed inside one
   * attempt (as it did before) held an activity slot for as long as the remediation ran, so 200
   * remediations in Executing took every slot of a default worker and starved the activities they
   * needed to finish. Benign: the SDK neither logs it as a failure nor counts it in the failure
   * metrics.
   */
  @Override
  public void awaitWorkflowClosed(WorkflowWatch watch) {
    if (!routing.awaitClosed(watch.workflowId(), watchSlice)) {
      // a watch cancelled during this look learns it here (the heartbeat answer carries the
      // cancel) and ends cancelled: a failed attempt would leave the cancel unconfirmed on a
      // server that retries it anyway (the test server), and the coordinator would never close
      confirmCancel();
      throw ApplicationFailure.newBuilder()
          .setType(STILL_RUNNING)
          .setMessage(watch.workflowId() + " is still running")
          .setCategory(ApplicationErrorCategory.BENIGN)
          .build();
    }
  }

  @Override
  public CancelRequestInfo describeCancelRequest(CancelRequestLookup lookup) {
    return routing.cancelRequest(lookup);
  }

  /** Throws ActivityCanceledException when the watch was cancelled; no-op outside an activity. */
  private static void confirmCancel() {
    ActivityExecutionContext ctx;
    try {
      ctx = Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      return; // called directly (tests): there is no cancel to learn
    }
    ctx.heartbeat(null);
  }

  private static String taskQueue() {
    return Activity.getExecutionContext().getInfo().getActivityTaskQueue();
  }
}
