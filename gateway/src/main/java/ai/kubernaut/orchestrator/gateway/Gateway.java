package ai.kubernaut.orchestrator.gateway;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.gateway.signal.AlertmanagerPayloads;
import ai.kubernaut.orchestrator.gateway.signal.KubernetesEventPayloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gateway as one startable part: an informer over the RRs of its namespace (the dedup cache),
 * the intake, and the HTTP server. Used by the {@code gateway} command, by {@code run --gateway}
 * and by the sandbox. The caller owns the client and the registry.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  static final Duration RESYNC = Duration.ofMinutes(10);

  private final GatewayConfig config;
  private final SharedIndexInformer<RemediationRequest> cache;
  private final GatewayMetrics metrics;
  private final SignalIntake intake;
  private GatewayHttpServer http;

  private Gateway(
      GatewayConfig config, KubernetesClient client, MeterRegistry registry, Clock clock) {
    this.config = config;
    this.metrics = new GatewayMetrics(registry);
    this.cache = SignalIntake.informer(client, config.namespace(), RESYNC);
    this.intake =
        new SignalIntake(
            client,
            config.namespace(),
            cache,
            config.cooldown(),
            new StormDetector(config.stormThreshold(), config.stormWindow(), clock),
            metrics,
            clock);
  }

  /**
   * Starts the cache, waits up to {@code syncTimeout} for its first list, then serves.
   *
   * @param scrape Prometheus text for {@code /metrics} on the gateway port, or null for none
   */
  public static Gateway start(
      GatewayConfig config,
      KubernetesClient client,
      MeterRegistry registry,
      Supplier<String> scrape,
      Clock clock,
      Duration syncTimeout)
      throws Exception {
    Gateway gateway = new Gateway(config, client, registry, clock);
    try {
      gateway.metrics.preRegister(
          List.of(AlertmanagerPayloads.SOURCE, KubernetesEventPayloads.SOURCE));
      gateway
          .cache
          .start()
          .toCompletableFuture()
          .get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
      gateway.http =
          GatewayHttpServer.start(
              config, gateway.intake, gateway.metrics, gateway::isReady, scrape);
      LOG.info("gateway creating RemediationRequests in namespace {}", config.namespace());
      return gateway;
    } catch (Exception | Error e) {
      gateway.close();
      throw e;
    }
  }

  public boolean isReady() {
    return cache.hasSynced() && cache.isRunning();
  }

  public int port() {
    return http.port();
  }

  public GatewayConfig config() {
    return config;
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
    cache.close();
  }
}
