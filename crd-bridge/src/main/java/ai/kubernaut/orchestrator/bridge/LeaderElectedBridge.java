package ai.kubernaut.orchestrator.bridge;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fabric8's {@code LeaderElector} on a {@code coordination.k8s.io} Lease: {@code onStart} when
 * this replica becomes leader, {@code onStop} when it loses leadership or closes. The lease is
 * released on close so another replica takes over without waiting for it to expire; after a lost
 * leadership this replica stands for election again.
 */
final class LeaderElectedBridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElectedBridge.class);

  private final KubernetesClient client;
  private final BridgeConfig.LeaseSettings lease;
  private final String identity;
  private final Runnable onStart;
  private final Runnable onStop;
  private volatile CompletableFuture<?> running;
  private volatile boolean closed;

  LeaderElectedBridge(
      KubernetesClient client,
      BridgeConfig.LeaseSettings lease,
      String identity,
      Runnable onStart,
      Runnable onStop) {
    this.client = client;
    this.lease = lease;
    this.identity = identity;
    this.onStart = onStart;
    this.onStop = onStop;
  }

  synchronized void start() {
    if (closed) {
      return;
    }
    var config =
        new LeaderElectionConfigBuilder()
            .withName("kubernaut-remediation-orchestrator-bridge")
            .withLock(
                new LeaseLock(
                    lease.namespace() != null ? lease.namespace() : client.getNamespace(),
                    lease.name(),
                    identity))
            .withLeaseDuration(lease.leaseDuration())
            .withRenewDeadline(lease.renewDeadline())
            .withRetryPeriod(lease.retryPeriod())
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(
                new LeaderCallbacks(
                    () -> {
                      LOG.info("{} leads the bridge (lease {})", identity, lease.name());
                      onStart.run();
                    },
                    () -> {
                      LOG.info("{} stopped leading the bridge", identity);
                      onStop.run();
                    },
                    leader -> LOG.info("bridge leader is {}", leader)))
            .build();
    CompletableFuture<?> future = client.leaderElector().withConfig(config).build().start();
    running = future;
    future.whenComplete(
        (ignored, error) -> {
          if (!closed) {
            LOG.info("leader election ended, standing again");
            CompletableFuture.delayedExecutor(lease.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                .execute(this::start);
          }
        });
  }

  @Override
  public synchronized void close() {
    closed = true;
    CompletableFuture<?> future = running;
    if (future != null) {
      future.cancel(true);
    }
  }
}
