package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.config.GatewayServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.http.OpsHttpServer;
import ai.kubernaut.orchestrator.orchestrator.http.Readiness;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.metrics.MeterRegistries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gateway} command: the Gateway alone, without Temporal. Start order: registry, ops HTTP
 * server, Kubernetes client, Gateway; stop in reverse. {@code /readyz} on the ops port turns 200
 * once the Gateway's RemediationRequest cache synced and the API server answers.
 */
public final class GatewayApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);

  private final GatewayServiceConfig config;
  private final Readiness readiness = new Readiness(Duration.ofSeconds(3));
  private final CountDownLatch stopped = new CountDownLatch(1);
  private PrometheusMeterRegistry registry;
  private OpsHttpServer http;
  private KubernetesClient kubernetes;
  private GatewayComponent gateway;
  private volatile boolean running;

  public GatewayApp(GatewayServiceConfig config) {
    this.config = config;
  }

  /** What the {@code gateway} command runs: start, then block until SIGTERM. */
  public static int runUntilStopped(GatewayServiceConfig config) throws Exception {
    GatewayApp app = new GatewayApp(config);
    ShutdownSignals.install(app::close);
    app.start();
    app.stopped.await();
    return ExitCodes.OK;
  }

  public synchronized void start() throws Exception {
    LOG.info("starting gateway with {}", config.gateway());
    try {
      registry = MeterRegistries.prometheus();
      http = OpsHttpServer.start(config.service().httpPort(), registry, readiness);
      kubernetes =
          KubernetesClients.create(config.kubernetes(), KubernetesClients.GATEWAY_USER_AGENT);
      readiness.add(KubernetesClients.readinessCheck(kubernetes));
      gateway = new GatewayComponent(config.gateway(), kubernetes, registry, Clock.systemUTC());
      gateway.start();
      readiness.addAll(gateway.readinessChecks());
      readiness.add(ReadinessCheck.of("started", () -> running));
      running = true;
      LOG.info("gateway started");
    } catch (Exception | Error e) {
      LOG.error("gateway start failed: {}", e.toString());
      close();
      throw e;
    }
  }

  public int gatewayPort() {
    return gateway.port();
  }

  public int httpPort() {
    return http.port();
  }

  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    running = false;
    if (gateway != null) {
      gateway.stop(config.service().shutdownGracePeriod());
    }
    if (http != null) {
      http.close();
    }
    if (kubernetes != null) {
      kubernetes.close();
    }
    try {
      readiness.close();
    } catch (Exception e) {
      LOG.warn("closing readiness failed: {}", e.toString());
    }
    if (registry != null) {
      registry.close();
    }
    LOG.info("gateway stopped");
    stopped.countDown();
  }
}
