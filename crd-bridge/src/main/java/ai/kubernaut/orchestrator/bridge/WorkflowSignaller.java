package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.bridge.BridgeMetrics.FilterReason;
import ai.kubernaut.orchestrator.workflows.WorkflowIds;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code childStatusChanged} by workflow ID only (no run ID, so signals follow a reset to a
 * new run), from the bounded signal queue. A newer status of the same child replaces one that still
 * waits; a transient failure is retried with backoff; a closed workflow is counted as filtered and
 * never retried.
 */
final class WorkflowSignaller {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowSignaller.class);

  private static final Set<Status.Code> PERMANENT =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.PERMISSION_DENIED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.UNIMPLEMENTED);

  private final WorkflowClient client;
  private final WorkQueue queue;
  private final SignalLedger ledger;
  private final BridgeMetrics metrics;

  WorkflowSignaller(
      WorkflowClient client, WorkQueue queue, SignalLedger ledger, BridgeMetrics metrics) {
    this.client = client;
    this.queue = queue;
    this.ledger = ledger;
    this.metrics = metrics;
  }

  /** Queues the signal; returns at once. */
  void submit(RemediationRef rr, ChildStatus status) {
    String workflowId = WorkflowIds.of(rr);
    String key = workflowId + "|" + status.kind() + "/" + status.name();
    queue.submit(
        key,
        new WorkQueue.Task() {
          @Override
          public WorkQueue.Result run() {
            return deliver(rr, workflowId, status);
          }

          @Override
          public void onSuperseded() {
            metrics.signalFiltered(status.kind(), FilterReason.SUPERSEDED);
          }
        });
  }

  private WorkQueue.Result deliver(RemediationRef rr, String workflowId, ChildStatus status) {
    try (Mdc ignored = Mdc.of(rr.namespace(), rr.name(), "signal")) {
      if (ledger.alreadyDelivered(workflowId, status)) {
        metrics.signalFiltered(status.kind(), FilterReason.STALE);
        return WorkQueue.Result.DONE;
      }
      try {
        client.newUntypedWorkflowStub(workflowId).signal(SignalLedger.SIGNAL, status);
        ledger.recordDelivered(workflowId, status);
        metrics.signalSent(status.kind());
        LOG.debug(
            "signalled {} {} {} (rv {})",
            SignalLedger.SIGNAL,
            status.kind(),
            status.name(),
            status.resourceVersion());
        return WorkQueue.Result.DONE;
      } catch (RuntimeException e) {
        if (WorkflowStarter.isNotFound(e)) {
          ledger.recordDelivered(workflowId, status);
          metrics.signalFiltered(status.kind(), FilterReason.WORKFLOW_CLOSED);
          LOG.debug("workflow closed, dropped {} {}", status.kind(), status.name());
          return WorkQueue.Result.DONE;
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

  private static boolean isPermanent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && PERMANENT.contains(s.getStatus().getCode())) {
        return true;
      }
    }
    return false;
  }
}
