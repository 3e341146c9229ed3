package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.gateway.Gateway;
import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The Gateway inside the orchestrator process ({@code run --gateway}, the sandbox): its own port,
 * the process's Kubernetes client and meter registry (so its metrics are on the ops port's
 * /metrics).
 */
public final class GatewayComponent implements ManagedComponent {

  static final Duration SYNC_TIMEOUT = Duration.ofMinutes(1);

  private final GatewayConfig config;
  private final KubernetesClient client;
  private final MeterRegistry registry;
  private final Clock clock;
  private volatile Gateway gateway;

  public GatewayComponent(
      GatewayConfig config, KubernetesClient client, MeterRegistry registry, Clock clock) {
    this.config = config;
    this.client = client;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public void start() throws Exception {
    gateway = Gateway.start(config, client, registry, null, clock, SYNC_TIMEOUT);
  }

  @Override
  public void stop(Duration timeout) {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public List<ReadinessCheck> readinessChecks() {
    return List.of(
        ReadinessCheck.of("gateway cache synced", () -> gateway != null && gateway.isReady()));
  }

  /** The port the Gateway listens on, once started. */
  public int port() {
    return gateway.port();
  }
}
