package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Every {@code kubernaut_remediationorchestrator_bridge_*} meter, behind intent-named methods. Tags
 * hold the child kind, the namespace, a reason or a result: never an RR name or workflow ID.
 */
public final class BridgeMetrics {

  public static final String PREFIX = "kubernaut_remediationorchestrator_bridge_";
  public static final String SIGNALS_SENT = PREFIX + "signals_sent";
  public static final String SIGNALS_FILTERED = PREFIX + "signals_filtered";
  public static final String SIGNALS_FAILED = PREFIX + "signals_failed";
  public static final String WORKFLOW_STARTS = PREFIX + "workflow_starts";
  public static final String WORKFLOW_START_FAILURES = PREFIX + "workflow_start_failures";
  public static final String CANCELLATIONS = PREFIX + "cancellations";
  public static final String FINALIZERS_REMOVED = PREFIX + "finalizers_removed";
  public static final String DRIFT_REPAIRS = PREFIX + "drift_repairs";
  public static final String RETENTION_DELETIONS = PREFIX + "retention_deletions";
  public static final String TASK_RETRIES = PREFIX + "task_retries";
  public static final String LEADER = PREFIX + "leader";
  public static final String INFORMER_WATCHING = PREFIX + "informer_watching";
  public static final String QUEUE_DEPTH = PREFIX + "queue_depth";

  /** Why a child event did not become a signal. */
  public enum FilterReason {
    /** Informer resync replay or an update with the same resourceVersion. */
    RESYNC,
    /** The child has no status the workflow acts on yet. */
    NO_STATUS,
    /** A SignalProcessing or AIAnalysis phase before its end: the workflow waits for the end. */
    NOT_DECISIVE,
    /** Only fields the workflow does not read changed. */
    UNCHANGED,
    /** Older than, or the same as, what the workflow already received. */
    STALE,
    /** A newer status of the same child replaced this one while it waited in the queue. */
    SUPERSEDED,
    /** No RemediationRequest owns the child (or it is not in the cache). */
    ORPHAN,
    /** The workflow is closed: the signal is not retried. */
    WORKFLOW_CLOSED,
    /** The workflow was still not started after the signaller's retries. */
    WORKFLOW_NOT_STARTED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final AtomicInteger leader = new AtomicInteger();
  private final Map<String, BooleanSupplier> informers = new ConcurrentHashMap<>();
  private final Map<String, IntSupplier> queues = new ConcurrentHashMap<>();

  public BridgeMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(LEADER, leader, AtomicInteger::get)
        .description("1 while this replica runs the bridge")
        .register(registry);
  }

  public void signalSent(ChildKind kind) {
    counter(SIGNALS_SENT, "kind", kind.name()).increment();
  }

  public void signalFiltered(ChildKind kind, FilterReason reason) {
    counter(SIGNALS_FILTERED, "kind", kind.name(), "reason", reason.tag()).increment();
  }

  public void signalFailed(ChildKind kind, boolean willRetry) {
    counter(SIGNALS_FAILED, "kind", kind.name(), "retry", Boolean.toString(willRetry)).increment();
  }

  public void workflowStarted(String namespace) {
    counter(WORKFLOW_STARTS, "namespace", namespace).increment();
  }

  public void workflowStartFailed(String namespace) {
    counter(WORKFLOW_START_FAILURES, "namespace", namespace).increment();
  }

  public void cancellationRequested(String namespace) {
    counter(CANCELLATIONS, "namespace", namespace).increment();
  }

  public void finalizerRemoved(String namespace, boolean forced) {
    counter(FINALIZERS_REMOVED, "namespace", namespace, "forced", Boolean.toString(forced))
        .increment();
  }

  public void driftRepaired(String namespace, String reason) {
    counter(DRIFT_REPAIRS, "namespace", namespace, "reason", reason).increment();
  }

  public void retentionDeleted(String namespace) {
    counter(RETENTION_DELETIONS, "namespace", namespace).increment();
  }

  public void taskRetried(String queue) {
    counter(TASK_RETRIES, "queue", queue).increment();
  }

  public void leader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  public boolean isLeader() {
    return leader.get() == 1;
  }

  /** Reports whether the informer for {@code kind} is watching; replaces an earlier supplier. */
  public void informer(String kind, BooleanSupplier watching) {
    if (informers.put(kind, watching) == null) {
      Gauge.builder(INFORMER_WATCHING, this, m -> m.informers.get(kind).getAsBoolean() ? 1 : 0)
          .description("1 while the informer's watch is open")
          .tag("kind", kind)
          .register(registry);
    }
  }

  /**
   * Reports the depth of a work queue; replaces an earlier supplier. The queue's retry counter
   * starts at 0 here, so its first retry is an increase the alerts see.
   */
  public void queue(String name, IntSupplier depth) {
    if (queues.put(name, depth) == null) {
      counter(TASK_RETRIES, "queue", name);
      Gauge.builder(QUEUE_DEPTH, this, m -> m.queues.get(name).getAsInt())
          .description("keys waiting or backing off in the bridge's work queue")
          .tag("queue", name)
          .register(registry);
    }
  }

  /** Signals dropped for {@code reason}, over every kind (for tests and status). */
  public double filtered(FilterReason reason) {
    return registry.find(SIGNALS_FILTERED).tag("reason", reason.tag()).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** The sum of every counter named {@code name}, whatever its tags (for tests and status). */
  public double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  private Counter counter(String name, String... tags) {
    return Counter.builder(name).tags(tags).register(registry);
  }
}
