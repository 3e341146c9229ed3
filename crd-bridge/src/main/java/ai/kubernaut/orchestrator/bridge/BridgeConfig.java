package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The bridge's one configuration type: the orchestrator's {@code run} options build it straight
 * (BridgeOptions), and the bridge reads nothing else.
 *
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param taskQueue task queue the remediation workflows start on
 * @param identity this replica: its Lease holder identity and its Temporal client identity
 * @param resyncPeriod informer resync: every RR is re-checked against its workflow this often
 * @param driftPeriod full drift and retention sweep over the cache (also run on leadership start)
 * @param lease leader election settings; null runs the bridge without election (one replica)
 * @param executor work queue sizing and retry backoff
 * @param finalizerTimeout how long a deleted RR may wait for Temporal before the finalizer goes
 * @param pendingStatusDelay how long after a start the bridge leaves {@code status.temporal} to the
 *     workflow's first status write; if that has not recorded the run by then, the bridge writes it
 *     (with {@code overallPhase: Pending} when there is no phase yet)
 * @param settings operator defaults copied into every workflow input at start
 */
public record BridgeConfig(
    List<String> namespaces,
    String taskQueue,
    String identity,
    Duration resyncPeriod,
    Duration driftPeriod,
    LeaseSettings lease,
    ExecutorSettings executor,
    Duration finalizerTimeout,
    Duration pendingStatusDelay,
    RemediationSettings settings) {

  /** The finalizer's wait for an unreachable Temporal before it is removed anyway. */
  public static final Duration FINALIZER_TIMEOUT = Duration.ofMinutes(2);

  /** The default wait for the workflow to record its run in {@code status.temporal}. */
  public static final Duration PENDING_STATUS_DELAY = Duration.ofSeconds(5);

  public BridgeConfig {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(resyncPeriod, "resyncPeriod");
    Objects.requireNonNull(driftPeriod, "driftPeriod");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(finalizerTimeout, "finalizerTimeout");
    Objects.requireNonNull(pendingStatusDelay, "pendingStatusDelay");
    if (pendingStatusDelay.isNegative()) {
      throw new IllegalArgumentException("pendingStatusDelay must not be negative");
    }
    settings = settings == null ? RemediationSettings.defaults() : settings;
  }

  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }

  public BridgeConfig withLease(LeaseSettings value) {
    return new BridgeConfig(
        namespaces,
        taskQueue,
        identity,
        resyncPeriod,
        driftPeriod,
        value,
        executor,
        finalizerTimeout,
        pendingStatusDelay,
        settings);
  }

  /**
   * The {@code coordination.k8s.io} Lease that elects the one active bridge.
   *
   * @param namespace null means the Kubernetes client's namespace (the pod's own in-cluster)
   */
  public record LeaseSettings(
      String name,
      String namespace,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {

    public LeaseSettings {
      Objects.requireNonNull(name, "lease name");
      Objects.requireNonNull(leaseDuration, "leaseDuration");
      Objects.requireNonNull(renewDeadline, "renewDeadline");
      Objects.requireNonNull(retryPeriod, "retryPeriod");
    }

    /** The same Lease in {@code value}. */
    public LeaseSettings inNamespace(String value) {
      return new LeaseSettings(name, value, leaseDuration, renewDeadline, retryPeriod);
    }
  }

  /**
   * Bounds of the bridge's work: {@code workers} threads per queue call Kubernetes and Temporal; a
   * failed call is retried after {@code initialBackoff}, doubling up to {@code maxBackoff}.
   */
  public record ExecutorSettings(int workers, Duration initialBackoff, Duration maxBackoff) {

    public ExecutorSettings {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1");
      }
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** {@code workers} threads, retrying after 200 ms doubling up to 30 s. */
    public static ExecutorSettings withWorkers(int workers) {
      return new ExecutorSettings(workers, Duration.ofMillis(200), Duration.ofSeconds(30));
    }
  }
}
