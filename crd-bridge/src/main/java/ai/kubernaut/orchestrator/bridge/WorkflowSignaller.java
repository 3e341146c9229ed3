package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.bridge.BridgeMetrics.FilterReason;
import ai.kubernaut.orchestrator.workflows.WorkflowIds;
import ai.kubernaut.orchestrator.workflows.logging.RemediationMdc;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code childStatusChanged} by workflow ID only (no run ID, so signals follow a reset to a
 * new run), from the bounded signal queue. A newer status of the same child replaces one that still
 * waits; a transient failure is retried with backoff; a closed workflow is counted as filtered and
 * never retried.
 *
 * <p>Temporal answers NOT_FOUND both for a closed workflow and for one not started yet (a child
 * informer can list a child before the RemediationRequest informer has started its workflow, e.g.
 * when the orchestrator starts with work in flight). The signaller describes the workflow to tell
 * them apart and keeps retrying, with backoff, a signal whose workflow is not started yet, up to
 * {@link #NOT_STARTED_ATTEMPTS} times; after that the workflow still reads the child when it
 * reaches that phase's deadline.
 */
final class WorkflowSignaller {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowSignaller.class);

  private static final Set<Status.Code> PERMANENT =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.PERMISSION_DENIED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.UNIMPLEMENTED);

  /** With the default backoff (200 ms doubling to 30 s) about two minutes of waiting. */
  static final int NOT_STARTED_ATTEMPTS = 10;

  private final WorkflowClient client;
  private final WorkflowStarter starter;
  private final WorkQueue queue;
  private final DeliveredSignals ledger;
  private final BridgeMetrics metrics;

  WorkflowSignaller(
      WorkflowClient client,
      WorkflowStarter starter,
      WorkQueue queue,
      DeliveredSignals ledger,
      BridgeMetrics metrics) {
    this.client = client;
    this.starter = starter;
    this.queue = queue;
    this.ledger = ledger;
    this.metrics = metrics;
  }

  /** Queues the signal; returns at once. */
  void submit(RemediationRef rr, ChildStatus status) {
    String workflowId = WorkflowIds.of(rr);
    String key = workflowId + "|" + status.kind() + "/" + status.name();
    AtomicInteger notStarted = new AtomicInteger();
    queue.submit(
        key,
        new WorkQueue.Task() {
          @Override
          public WorkQueue.Result run() {
            return deliver(rr, workflowId, status, notStarted);
          }

          @Override
          public void onSuperseded() {
            metrics.signalFiltered(status.kind(), FilterReason.SUPERSEDED);
          }
        });
  }

  private WorkQueue.Result deliver(
      RemediationRef rr, String workflowId, ChildStatus status, AtomicInteger notStarted) {
    try (RemediationMdc ignored = RemediationMdc.put(rr.namespace(), rr.name(), "signal")) {
      if (ledger.alreadyDelivered(workflowId, status)) {
        metrics.signalFiltered(status.kind(), FilterReason.STALE);
        return WorkQueue.Result.DONE;
      }
      try {
        client.newUntypedWorkflowStub(workflowId).signal(DeliveredSignals.SIGNAL, status);
        ledger.recordDelivered(workflowId, status);
        metrics.signalSent(status.kind());
        LOG.debug(
            "signalled {} {} {} (rv {})",
            DeliveredSignals.SIGNAL,
            status.kind(),
            status.name(),
            status.resourceVersion());
        return WorkQueue.Result.DONE;
      } catch (RuntimeException e) {
        if (WorkflowStarter.isNotFound(e)) {
          return notFound(workflowId, status, notStarted);
        }
        if (isPermanent(e)) {
          metrics.signalFailed(status.kind(), false);
          LOG.error("signal {} {} rejected: {}", status.kind(), status.name(), e.toString());
          return WorkQueue.Result.DONE;
        }
        metrics.signalFailed(status.kind(), true);
        LOG.warn("signal {} {} failed, will retry: {}", status.kind(), status.name(), e.toString());
        return WorkQueue.Result.RETRY;
      }
    }
  }

  private WorkQueue.Result notFound(
      String workflowId, ChildStatus status, AtomicInteger notStarted) {
    Optional<WorkflowStarter.Described> workflow = starter.describe(workflowId);
    if (workflow.isPresent() && !workflow.get().isRunning()) {
      ledger.recordDelivered(workflowId, status);
      metrics.signalFiltered(status.kind(), FilterReason.WORKFLOW_CLOSED);
      LOG.debug("workflow closed, dropped {} {}", status.kind(), status.name());
      return WorkQueue.Result.DONE;
    }
    if (workflow.isEmpty() && notStarted.incrementAndGet() >= NOT_STARTED_ATTEMPTS) {
      metrics.signalFiltered(status.kind(), FilterReason.WORKFLOW_NOT_STARTED);
      LOG.info(
          "workflow {} still not started after {} attempts, dropped {} {}; the workflow reads the"
              + " child at the phase deadline",
          workflowId,
          NOT_STARTED_ATTEMPTS,
          status.kind(),
          status.name());
      return WorkQueue.Result.DONE;
    }
    // Not started yet, or started between the signal and the describe: try again shortly.
    metrics.signalFailed(status.kind(), true);
    LOG.debug(
        "workflow {} not started yet, will retry {} {}", workflowId, status.kind(), status.name());
    return WorkQueue.Result.RETRY;
  }

  private static boolean isPermanent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && PERMANENT.contains(s.getStatus().getCode())) {
        return true;
      }
    }
    return false;
  }
}
