package ai.kubernaut.orchestrator.sandbox.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.enums.v1.WorkflowTaskFailedCause;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskFailedRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a real Temporal server does when a worker disappears, which the Java test server does not:
 * moves the workflow tasks waiting on that worker's sticky task queue back to the normal queue.
 *
 * <p>A worker keeps the workflows it ran cached and asks the server to send their next tasks to its
 * own sticky queue. A real server gives up on a sticky queue nobody polls after the sticky
 * schedule-to-start timeout (5 s by default) and reschedules on the workflow's task queue; the test
 * server has no such timeout, so after an orchestrator stops, every workflow it had cached would
 * wait forever. For each stopped worker's sticky queue this polls the queue and fails each task
 * with {@code RESET_STICKY_TASK_QUEUE}, which clears the stickiness; the server then schedules the
 * task on the normal queue, where the next orchestrator picks it up and replays the history.
 */
final class StickyQueueExpiry implements AutoCloseable {

  static final String IDENTITY = "sandbox-sticky-queue-expiry";
  private static final Logger LOG = LoggerFactory.getLogger(StickyQueueExpiry.class);
  private static final long POLL_SECONDS = 5;

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final Set<String> expiring = ConcurrentHashMap.newKeySet();
  private final AtomicInteger moved = new AtomicInteger();
  private final ExecutorService pollers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "sandbox-sticky-queue-expiry");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closed;

  StickyQueueExpiry(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
  }

  /** Starts moving the tasks of {@code stickyQueue} to the normal queue, until closed. */
  void expire(String stickyQueue) {
    if (!closed && expiring.add(stickyQueue)) {
      LOG.info("expiring sticky task queue {} (its worker stopped)", stickyQueue);
      pollers.execute(() -> drain(stickyQueue));
    }
  }

  /** Workflow tasks moved off stopped workers' sticky queues so far. */
  int moved() {
    return moved.get();
  }

  private void drain(String stickyQueue) {
    PollWorkflowTaskQueueRequest poll =
        PollWorkflowTaskQueueRequest.newBuilder()
            .setNamespace(namespace)
            .setIdentity(IDENTITY)
            .setTaskQueue(
                TaskQueue.newBuilder()
                    .setName(stickyQueue)
                    .setKind(TaskQueueKind.TASK_QUEUE_KIND_STICKY))
            .build();
    while (!closed) {
      try {
        PollWorkflowTaskQueueResponse task =
            stubs
                .blockingStub()
                .withDeadlineAfter(POLL_SECONDS, TimeUnit.SECONDS)
                .pollWorkflowTaskQueue(poll);
        if (!task.getTaskToken().isEmpty()) {
          stubs
              .blockingStub()
              .respondWorkflowTaskFailed(
                  RespondWorkflowTaskFailedRequest.newBuilder()
                      .setNamespace(namespace)
                      .setIdentity(IDENTITY)
                      .setTaskToken(task.getTaskToken())
                      .setCause(
                          WorkflowTaskFailedCause
                              .WORKFLOW_TASK_FAILED_CAUSE_RESET_STICKY_TASK_QUEUE)
                      .build());
          moved.incrementAndGet();
        }
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (closed || code == Status.Code.UNAVAILABLE || code == Status.Code.CANCELLED) {
          return;
        }
        if (code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.NOT_FOUND) {
          LOG.warn("sticky queue {}: {}", stickyQueue, e.getStatus());
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    pollers.shutdownNow();
  }
}
