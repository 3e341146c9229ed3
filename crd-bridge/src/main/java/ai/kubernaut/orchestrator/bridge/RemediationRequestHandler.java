package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.TemporalRef;
import ai.kubernaut.orchestrator.workflows.logging.RemediationMdc;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RR informer callbacks and the per-RR reconcile they queue. Level-based: a queued task reads the
 * RR from the informer cache when it runs, so a burst of events for one RR collapses into one pass.
 *
 * <ul>
 *   <li>Deleting: cancel the running workflow, then remove the finalizer (also when the workflow is
 *       closed or gone; after {@code finalizerTimeout} even when Temporal cannot be reached).
 *   <li>Terminal: delete once retention has expired.
 *   <li>Otherwise: add the finalizer and start the workflow (idempotent); on a drift check also
 *       confirm the workflow still runs.
 * </ul>
 *
 * <p>After a start, {@code status.temporal} is left to the workflow's first status write. Only if
 * the RR still shows what it showed at the start {@code pendingStatusDelay} later (workflow slow,
 * worker down) does the bridge record the run itself, with Pending when there is no phase yet.
 */
final class RemediationRequestHandler implements ResourceEventHandler<RemediationRequest> {

  private static final Logger LOG = LoggerFactory.getLogger(RemediationRequestHandler.class);

  private volatile Informers<RemediationRequest> cache;
  private final WorkQueue queue;
  private final RemediationRequestWriter writer;
  private final WorkflowStarter starter;
  private final DriftReconciler drift;
  private final RetentionReaper retention;
  private final DeliveredSignals ledger;
  private final BridgeMetrics metrics;
  private final BridgeConfig config;
  private final String temporalNamespace;
  private final Clock clock;
  private final Set<String> knownRunning = ConcurrentHashMap.newKeySet();

  /** Workflow IDs started this term whose deferred {@code status.temporal} check has not run. */
  private final Set<String> awaitingStatus = ConcurrentHashMap.newKeySet();

  /**
   * RRs (by UID) whose finalizer this term added, with the resourceVersion the patch replaced,
   * until the cache shows the finalizer.
   */
  private final Map<String, String> finalizerAddedFrom = new ConcurrentHashMap<>();

  /** Workflow IDs whose RR this term already released (the cache may still show the finalizer). */
  private final Set<String> released = ConcurrentHashMap.newKeySet();

  RemediationRequestHandler(
      WorkQueue queue,
      RemediationRequestWriter writer,
      WorkflowStarter starter,
      DriftReconciler drift,
      RetentionReaper retention,
      DeliveredSignals ledger,
      BridgeMetrics metrics,
      BridgeConfig config,
      String temporalNamespace,
      Clock clock) {
    this.queue = queue;
    this.writer = writer;
    this.starter = starter;
    this.drift = drift;
    this.retention = retention;
    this.ledger = ledger;
    this.metrics = metrics;
    this.config = config;
    this.temporalNamespace = temporalNamespace;
    this.clock = clock;
  }

  /** The informers whose cache the queued reconciles read (they feed this handler). */
  void readFrom(Informers<RemediationRequest> informers) {
    cache = informers;
  }

  static boolean isTerminal(RemediationRequest rr) {
    return rr.getStatus() != null
        && rr.getStatus().getOverallPhase() != null
        && rr.getStatus().getOverallPhase().isTerminal();
  }

  @Override
  public void onAdd(RemediationRequest rr) {
    enqueue(rr, "add", false);
  }

  @Override
  public void onUpdate(RemediationRequest oldRr, RemediationRequest newRr) {
    boolean resync =
        Objects.equals(
            oldRr.getMetadata().getResourceVersion(), newRr.getMetadata().getResourceVersion());
    enqueue(newRr, resync ? "resync" : "update", resync);
  }

  @Override
  public void onDelete(RemediationRequest rr, boolean finalStateUnknown) {
    String workflowId = WorkflowStarter.workflowId(rr);
    knownRunning.remove(workflowId);
    released.remove(workflowId);
    ledger.forget(workflowId);
    finalizerAddedFrom.remove(rr.getMetadata().getUid());
  }

  /** Queues a reconcile of {@code rr}; a drift check also confirms that the workflow runs. */
  void enqueue(RemediationRequest rr, String event, boolean driftCheck) {
    String namespace = rr.getMetadata().getNamespace();
    String name = rr.getMetadata().getName();
    try (RemediationMdc ignored = RemediationMdc.put(namespace, name, "rr." + event)) {
      LOG.debug("queued reconcile (drift check: {})", driftCheck);
      queue.submit(namespace + "/" + name, () -> reconcile(namespace, name, event, driftCheck));
    }
  }

  private WorkQueue.Result reconcile(
      String namespace, String name, String event, boolean driftCheck) {
    RemediationRequest rr = cached(namespace, name);
    if (rr == null) {
      return WorkQueue.Result.DONE;
    }
    try (RemediationMdc ignored = RemediationMdc.put(namespace, name, "rr." + event)) {
      if (rr.isMarkedForDeletion()) {
        return finalizeDeletion(rr);
      }
      if (isTerminal(rr)) {
        return retain(rr);
      }
      String uid = rr.getMetadata().getUid();
      if (!rr.hasFinalizer(RemediationRequest.FINALIZER)) {
        String from = rr.getMetadata().getResourceVersion();
        if (from != null && from.equals(finalizerAddedFrom.get(uid))) {
          // the cache still shows the copy our finalizer patch replaced: a read and a 409 would
          // follow; the workflow was started by that reconcile, and the new copy's event follows
          return WorkQueue.Result.DONE;
        }
        rr = writer.addFinalizer(rr);
        if (rr == null || rr.isMarkedForDeletion()) {
          return WorkQueue.Result.DONE;
        }
        finalizerAddedFrom.put(uid, from);
      } else {
        finalizerAddedFrom.remove(uid);
      }
      return ensureWorkflow(rr, driftCheck);
    }
  }

  private WorkQueue.Result ensureWorkflow(RemediationRequest rr, boolean driftCheck) {
    String workflowId = WorkflowStarter.workflowId(rr);
    if (awaitingStatus.contains(workflowId) || (knownRunning.contains(workflowId) && !driftCheck)) {
      // just started (its status check is scheduled), or known to run: nothing to do yet
      return WorkQueue.Result.DONE;
    }
    TemporalRef recorded = rr.getStatus() == null ? null : rr.getStatus().getTemporal();
    if (recorded != null && workflowId.equals(recorded.getWorkflowId())) {
      Optional<WorkflowStarter.Described> workflow = starter.describe(workflowId);
      if (workflow.isPresent() && workflow.get().isRunning()) {
        knownRunning.add(workflowId);
        writer.recordTemporal(rr, temporalRef(workflowId, workflow.get().runId()));
        return WorkQueue.Result.DONE;
      }
      if (workflow.isPresent()) {
        knownRunning.remove(workflowId);
        return drift.repairClosed(rr, workflow.get());
      }
      metrics.driftRepaired(rr.getMetadata().getNamespace(), "WorkflowMissing");
      LOG.warn("workflow {} recorded on the RR does not exist; starting it", workflowId);
    }
    return start(rr);
  }

  private WorkQueue.Result start(RemediationRequest rr) {
    String namespace = rr.getMetadata().getNamespace();
    WorkflowStarter.Started started;
    try {
      started = starter.start(rr);
    } catch (RuntimeException e) {
      metrics.workflowStartFailed(namespace);
      LOG.warn("workflow start failed, will retry: {}", e.toString());
      return WorkQueue.Result.RETRY;
    }
    if (started.alreadyClosed()) {
      return starter
          .describe(started.workflowId())
          .map(closed -> drift.repairClosed(rr, closed))
          .orElse(WorkQueue.Result.RETRY);
    }
    TemporalRef previous = rr.getStatus() == null ? null : rr.getStatus().getTemporal();
    boolean known = knownRunning.contains(started.workflowId());
    if (!known && (previous == null || !started.runId().equals(previous.getRunId()))) {
      metrics.workflowStarted(namespace);
      LOG.info("started workflow {} run {}", started.workflowId(), started.runId());
    }
    knownRunning.add(started.workflowId());
    TemporalRef ref = temporalRef(started.workflowId(), started.runId());
    if (!sameRun(previous, ref) && awaitingStatus.add(started.workflowId())) {
      String name = rr.getMetadata().getName();
      queue.submitAfter(
          "temporal/" + namespace + "/" + name,
          config.pendingStatusDelay(),
          () -> recordTemporalUnlessWritten(namespace, name, ref, previous));
    }
    return WorkQueue.Result.DONE;
  }

  /**
   * The deferred half of a start: writes {@code ref} (and Pending when the RR has no phase) only if
   * the cached RR's {@code status.temporal} still names what it named at the start ({@code
   * atStart}). Any change means a newer writer recorded a run, normally the workflow's first status
   * write, so the bridge writes nothing; nor for an RR that is gone, being deleted or terminal.
   */
  private WorkQueue.Result recordTemporalUnlessWritten(
      String namespace, String name, TemporalRef ref, TemporalRef atStart) {
    try (RemediationMdc ignored = RemediationMdc.put(namespace, name, "rr.pending-status")) {
      RemediationRequest rr = cached(namespace, name);
      if (rr != null
          && !rr.isMarkedForDeletion()
          && !isTerminal(rr)
          && ref.getWorkflowId().equals(WorkflowStarter.workflowId(rr))) {
        TemporalRef recorded = rr.getStatus() == null ? null : rr.getStatus().getTemporal();
        if (sameRun(recorded, atStart)) {
          LOG.info(
              "workflow {} has not recorded run {} after {}: recording it",
              ref.getWorkflowId(),
              ref.getRunId(),
              config.pendingStatusDelay());
          writer.recordTemporal(rr, ref);
        }
      }
      awaitingStatus.remove(ref.getWorkflowId());
      return WorkQueue.Result.DONE;
    }
  }

  /** Both null, or the same workflow ID and run ID. */
  private static boolean sameRun(TemporalRef a, TemporalRef b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.getWorkflowId(), b.getWorkflowId())
        && Objects.equals(a.getRunId(), b.getRunId());
  }

  private WorkQueue.Result finalizeDeletion(RemediationRequest rr) {
    if (!rr.hasFinalizer(RemediationRequest.FINALIZER)) {
      return WorkQueue.Result.DONE;
    }
    String namespace = rr.getMetadata().getNamespace();
    String workflowId = WorkflowStarter.workflowId(rr);
    if (released.contains(workflowId)) {
      return WorkQueue.Result.DONE;
    }
    boolean forced = false;
    try {
      Optional<WorkflowStarter.Described> workflow = starter.describe(workflowId);
      if (workflow.isPresent()
          && workflow.get().isRunning()
          && starter.cancel(workflowId, "RemediationRequest deleted")) {
        metrics.cancellationRequested(namespace);
        LOG.info("RR deleted: cancellation of workflow {} accepted", workflowId);
      }
    } catch (RuntimeException e) {
      if (!deletionOverdue(rr)) {
        LOG.warn("RR deleted but Temporal is unavailable, will retry: {}", e.toString());
        return WorkQueue.Result.RETRY;
      }
      forced = true;
      LOG.warn(
          "RR deleted and Temporal unavailable for over {}: removing the finalizer anyway",
          config.finalizerTimeout());
    }
    writer.removeFinalizer(rr);
    released.add(workflowId);
    knownRunning.remove(workflowId);
    metrics.finalizerRemoved(namespace, forced);
    return WorkQueue.Result.DONE;
  }

  private WorkQueue.Result retain(RemediationRequest rr) {
    Optional<Duration> left = retention.remaining(rr);
    if (left.isPresent() && (!left.get().isNegative() && !left.get().isZero())) {
      String namespace = rr.getMetadata().getNamespace();
      String name = rr.getMetadata().getName();
      queue.submitAfter(
          "retention/" + namespace + "/" + name,
          left.get(),
          () -> {
            RemediationRequest current = cached(namespace, name);
            return current == null || current.isMarkedForDeletion() || !isTerminal(current)
                ? WorkQueue.Result.DONE
                : retention.reapIfExpired(current);
          });
      return WorkQueue.Result.DONE;
    }
    return retention.reapIfExpired(rr);
  }

  private RemediationRequest cached(String namespace, String name) {
    Informers<RemediationRequest> informers = cache;
    return informers == null ? null : informers.get(namespace, name);
  }

  private boolean deletionOverdue(RemediationRequest rr) {
    String since = rr.getMetadata().getDeletionTimestamp();
    try {
      return since != null
          && Instant.parse(since).plus(config.finalizerTimeout()).isBefore(clock.instant());
    } catch (RuntimeException e) {
      return true;
    }
  }

  private TemporalRef temporalRef(String workflowId, String runId) {
    TemporalRef ref = new TemporalRef();
    ref.setWorkflowId(workflowId);
    ref.setRunId(runId);
    String base = config.settings().temporalUiBaseUrl();
    if (base != null && !base.isBlank()) {
      ref.setUiURL(
          base.replaceAll("/+$", "")
              + "/namespaces/"
              + temporalNamespace
              + "/workflows/"
              + URLEncoder.encode(workflowId, StandardCharsets.UTF_8)
              + "/"
              + runId
              + "/history");
    }
    return ref;
  }
}
