package ai.kubernaut.orchestrator.bridge;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRD bridge: Kubernetes watches turned into workflow starts, signals and cancellations (SPEC
 * §4). With a lease configured only the elected replica runs it; otherwise it runs at once.
 *
 * <pre>{@code
 * Bridge bridge = new Bridge(kube, workflowClient, config, meterRegistry, clock,
 *     new BridgeActivities(statusActivities, childActivities, notificationActivities));
 * bridge.start();
 * ...
 * bridge.close();
 * }</pre>
 */
public final class Bridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

  private final KubernetesClient kube;
  private final WorkflowClient temporal;
  private final BridgeConfig config;
  private final BridgeMetrics metrics;
  private final Clock clock;
  private final BridgeActivities activities;
  private final ExecutorService lifecycle;
  private final LeaderElectedBridge election;
  private volatile BridgeRuntime runtime;
  private volatile boolean closed;

  /**
   * @param activities the workflow's own writers (sequence-guarded status, children,
   *     notifications); drift repairs go through them
   */
  public Bridge(
      KubernetesClient kube,
      WorkflowClient temporal,
      BridgeConfig config,
      MeterRegistry registry,
      Clock clock,
      BridgeActivities activities) {
    this.kube = Objects.requireNonNull(kube, "kube");
    this.temporal = Objects.requireNonNull(temporal, "temporal");
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = new BridgeMetrics(Objects.requireNonNull(registry, "registry"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.activities = Objects.requireNonNull(activities, "activities");
    this.lifecycle =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "bridge-lifecycle");
              t.setDaemon(true);
              return t;
            });
    this.election =
        config.lease() == null
            ? null
            : new LeaderElectedBridge(
                kube,
                config.lease(),
                config.identity(),
                () -> onLifecycle(this::lead),
                () -> onLifecycle(this::stopLeading));
  }

  /** Starts leader election, or the bridge itself when no lease is configured. Returns at once. */
  public void start() {
    if (election == null) {
      onLifecycle(this::lead);
    } else {
      election.start();
    }
  }

  /** True while this replica runs the bridge. */
  public boolean isLeader() {
    return metrics.isLeader();
  }

  /** For readiness: a follower is healthy; the leader is healthy while its watches are open. */
  public boolean isHealthy() {
    BridgeRuntime current = runtime;
    return current == null ? !isLeader() : current.isWatching();
  }

  /**
   * A child from the leader's informer cache: what the activities of this replica read instead of
   * the API server while it leads; null on a follower or when the cache does not have it.
   */
  public <T extends HasMetadata> T cachedChild(Class<T> type, String namespace, String name) {
    BridgeRuntime current = runtime;
    return current == null ? null : current.cachedChild(type, namespace, name);
  }

  public BridgeMetrics metrics() {
    return metrics;
  }

  /** Stops the informers and queues cleanly and releases the lease. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (election != null) {
      election.close();
    }
    lifecycle.execute(this::stopLeading);
    lifecycle.shutdown();
    try {
      if (!lifecycle.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("bridge did not stop within 30s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onLifecycle(Runnable action) {
    try {
      lifecycle.execute(action);
    } catch (RejectedExecutionException e) {
      LOG.debug("bridge closed; ignoring a leadership change");
    }
  }

  private synchronized void lead() {
    if (closed || runtime != null) {
      return;
    }
    BridgeRuntime next = new BridgeRuntime(kube, temporal, config, metrics, clock, activities);
    runtime = next;
    metrics.leader(true);
    try {
      next.start();
    } catch (RuntimeException e) {
      LOG.error("bridge failed to start: {}", e.toString());
      stopLeading();
    }
  }

  private synchronized void stopLeading() {
    metrics.leader(false);
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
