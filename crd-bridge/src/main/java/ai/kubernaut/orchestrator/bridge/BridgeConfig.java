package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the bridge needs to know, built once by the orchestrator's configuration.
 *
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param taskQueue task queue the remediation workflows start on
 * @param resyncPeriod informer resync: every RR is re-checked against its workflow this often
 * @param driftPeriod full drift and retention sweep over the cache (also run on leadership start)
 * @param lease leader election settings; null runs the bridge without election (one replica)
 * @param executor work queue sizing and retry backoff
 * @param finalizerTimeout how long a deleted RR may wait for Temporal before the finalizer goes
 * @param settings operator defaults copied into every workflow input at start
 */
public record BridgeConfig(
    List<String> namespaces,
    String taskQueue,
    Duration resyncPeriod,
    Duration driftPeriod,
    LeaseSettings lease,
    ExecutorSettings executor,
    Duration finalizerTimeout,
    RemediationSettings settings) {

  public BridgeConfig {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(resyncPeriod, "resyncPeriod");
    Objects.requireNonNull(driftPeriod, "driftPeriod");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(finalizerTimeout, "finalizerTimeout");
    settings = settings == null ? RemediationSettings.defaults() : settings;
  }

  /** All namespaces, resync 5m, drift sweep 1m, no leader election, 4 workers. */
  public static BridgeConfig defaults(String taskQueue) {
    return new BridgeConfig(
        List.of(),
        taskQueue,
        Duration.ofMinutes(5),
        Duration.ofMinutes(1),
        null,
        ExecutorSettings.defaults(),
        Duration.ofMinutes(2),
        RemediationSettings.defaults());
  }

  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }

  public BridgeConfig withNamespaces(List<String> value) {
    return new BridgeConfig(
        value, taskQueue, resyncPeriod, driftPeriod, lease, executor, finalizerTimeout, settings);
  }

  public BridgeConfig withResyncPeriod(Duration value) {
    return new BridgeConfig(
        namespaces, taskQueue, value, driftPeriod, lease, executor, finalizerTimeout, settings);
  }

  public BridgeConfig withDriftPeriod(Duration value) {
    return new BridgeConfig(
        namespaces, taskQueue, resyncPeriod, value, lease, executor, finalizerTimeout, settings);
  }

  public BridgeConfig withLease(LeaseSettings value) {
    return new BridgeConfig(
        namespaces,
        taskQueue,
        resyncPeriod,
        driftPeriod,
        value,
        executor,
        finalizerTimeout,
        settings);
  }

  public BridgeConfig withExecutor(ExecutorSettings value) {
    return new BridgeConfig(
        namespaces, taskQueue, resyncPeriod, driftPeriod, lease, value, finalizerTimeout, settings);
  }

  public BridgeConfig withFinalizerTimeout(Duration value) {
    return new BridgeConfig(
        namespaces, taskQueue, resyncPeriod, driftPeriod, lease, executor, value, settings);
  }

  public BridgeConfig withSettings(RemediationSettings value) {
    return new BridgeConfig(
        namespaces, taskQueue, resyncPeriod, driftPeriod, lease, executor, finalizerTimeout, value);
  }

  /**
   * The {@code coordination.k8s.io} Lease that elects the one active bridge.
   *
   * @param identity this replica's holder identity (pod name)
   */
  public record LeaseSettings(
      String name,
      String namespace,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {

    public LeaseSettings {
      Objects.requireNonNull(name, "lease name");
      Objects.requireNonNull(namespace, "lease namespace");
      Objects.requireNonNull(identity, "lease identity");
    }

    /** The client-go defaults: 15s lease, 10s renew deadline, 2s retry. */
    public static LeaseSettings of(String name, String namespace, String identity) {
      return new LeaseSettings(
          name,
          namespace,
          identity,
          Duration.ofSeconds(15),
          Duration.ofSeconds(10),
          Duration.ofSeconds(2));
    }

    public LeaseSettings withTimings(Duration lease, Duration renew, Duration retry) {
      return new LeaseSettings(name, namespace, identity, lease, renew, retry);
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

    public static ExecutorSettings defaults() {
      return new ExecutorSettings(4, Duration.ofMillis(200), Duration.ofSeconds(30));
    }
  }
}
