package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.http.OpsHttpServer;
import ai.kubernaut.orchestrator.orchestrator.http.Readiness;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesRequestMetrics;
import ai.kubernaut.orchestrator.orchestrator.metrics.MeterRegistries;
import ai.kubernaut.orchestrator.orchestrator.temporal.SearchAttributeRegistrar;
import ai.kubernaut.orchestrator.orchestrator.temporal.TemporalConnection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.ClientInterceptor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: start, wait, stop.
 *
 * <p>Start order: metrics registry, HTTP server ({@code /healthz} answers from here on), Temporal
 * connection, search-attribute registration, Kubernetes client, then the {@link Wiring}'s
 * components in order (worker, bridge). {@code /readyz} turns 200 once everything started and every
 * readiness check passes.
 *
 * <p>Stop order (SIGTERM, {@link #stop()}): not ready at once, components in reverse (bridge
 * releases leadership, then the worker finishes in-flight activity attempts within the grace
 * period), then the HTTP server, the Kubernetes client, the Temporal connection and the registry.
 * {@link #stop()} is idempotent and safe from any thread.
 */
public final class OrchestratorApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OrchestratorApp.class);
  static final Duration TEMPORAL_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  enum State {
    NEW,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final OrchestratorConfig config;
  private final Wiring wiring;
  private final Function<KubernetesConfig, KubernetesClient> kubernetesClients;
  private final List<ClientInterceptor> temporalInterceptors;
  private final KubernetesRequestMetrics kubernetesRequests;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Readiness readiness = new Readiness(Duration.ofSeconds(3));
  private final List<ManagedComponent> started = new ArrayList<>();

  private volatile State state = State.NEW;
  private PrometheusMeterRegistry registry;
  private OpsHttpServer http;
  private TemporalConnection temporal;
  private KubernetesClient kubernetes;
  private RuntimeContext context;

  /** Production: the client's requests counted on this app's registry once it exists. */
  public OrchestratorApp(OrchestratorConfig config, Wiring wiring) {
    this(builder(config, wiring));
  }

  private OrchestratorApp(Builder builder) {
    this.config = builder.config;
    this.wiring = builder.wiring;
    if (builder.kubernetesClients == null) {
      KubernetesRequestMetrics requests = new KubernetesRequestMetrics();
      this.kubernetesRequests = requests;
      this.kubernetesClients = k -> KubernetesClients.create(k, requests);
    } else {
      this.kubernetesRequests = null;
      this.kubernetesClients = builder.kubernetesClients;
    }
    this.temporalInterceptors = List.copyOf(builder.temporalInterceptors);
    this.clock = builder.clock;
  }

  /**
   * The service with what it connects through replaced: the extension point for whatever embeds it
   * (the sandbox harness, tests). Unset parts are the production ones.
   */
  public static Builder builder(OrchestratorConfig config, Wiring wiring) {
    return new Builder(config, wiring);
  }

  /** See {@link #builder}. */
  public static final class Builder {
    private final OrchestratorConfig config;
    private final Wiring wiring;
    private Function<KubernetesConfig, KubernetesClient> kubernetesClients;
    private List<ClientInterceptor> temporalInterceptors = List.of();
    private Clock clock = Clock.systemUTC();

    private Builder(OrchestratorConfig config, Wiring wiring) {
      this.config = Objects.requireNonNull(config, "config");
      this.wiring = Objects.requireNonNull(wiring, "wiring");
    }

    /**
     * Supplies the Kubernetes client (e.g. for an in-process API stand-in); its requests are then
     * not counted on {@code /metrics}.
     */
    public Builder kubernetesClients(Function<KubernetesConfig, KubernetesClient> value) {
      this.kubernetesClients = Objects.requireNonNull(value, "kubernetesClients");
      return this;
    }

    /** gRPC interceptors on the Temporal connection, in call order. */
    public Builder temporalInterceptors(List<ClientInterceptor> value) {
      this.temporalInterceptors = List.copyOf(value);
      return this;
    }

    /** The clock of the activities and the bridge. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public OrchestratorApp build() {
      return new OrchestratorApp(this);
    }
  }

  /** Starts everything; on failure stops what already started and rethrows. */
  public synchronized void start() throws Exception {
    if (state != State.NEW) {
      throw new IllegalStateException("already " + state);
    }
    state = State.STARTING;
    LOG.info("starting with {}", config);
    try {
      registry = MeterRegistries.prometheus();
      readiness.add(ReadinessCheck.of("started", () -> state == State.RUNNING));
      http = OpsHttpServer.start(config.service().httpPort(), registry, readiness);

      String identity = config.bridge().identity();
      temporal =
          TemporalConnection.connect(
              config.temporal(),
              registry,
              identity,
              TEMPORAL_CONNECT_TIMEOUT,
              temporalInterceptors);
      readiness.add(temporal.readinessCheck());
      if (config.temporal().registerSearchAttributes()) {
        new SearchAttributeRegistrar(temporal.operatorStubs())
            .registerMissing(config.temporal().namespace(), wiring.searchAttributes());
      } else {
        LOG.info(
            "search attribute registration is off: namespace {} must have {}",
            config.temporal().namespace(),
            wiring.searchAttributes().keySet());
      }

      if (kubernetesRequests != null) {
        kubernetesRequests.bindTo(registry);
      }
      kubernetes = kubernetesClients.apply(config.kubernetes());
      readiness.add(KubernetesClients.readinessCheck(kubernetes));

      context =
          new RuntimeContext(
              config,
              temporal.serviceStubs(),
              temporal.client(),
              kubernetes,
              registry,
              clock,
              identity);
      for (ManagedComponent component : wiring.components(context)) {
        LOG.info("starting {}", component.name());
        started.add(component);
        component.start();
        readiness.addAll(component.readinessChecks());
      }
    } catch (Exception | Error e) {
      LOG.error("start failed: {}", e.toString());
      stop();
      throw e;
    }
    state = State.RUNNING;
    LOG.info("started");
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Graceful, ordered stop; idempotent. Waits for a start in progress to finish (start is bounded
   * by the Temporal connect timeout); a concurrent caller returns once the stop finished.
   */
  public synchronized void stop() {
    if (state == State.STOPPED) {
      return;
    }
    state = State.STOPPING;
    LOG.info("stopping");
    long deadline = System.nanoTime() + config.service().shutdownGracePeriod().toNanos();
    List<ManagedComponent> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    for (ManagedComponent component : reversed) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      try {
        LOG.info("stopping {}", component.name());
        component.stop(left);
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", component.name(), e.toString());
      }
    }
    Closing.quietly("http", http);
    Closing.quietly("kubernetes client", kubernetes);
    Closing.quietly("temporal connection", temporal);
    Closing.quietly("readiness", readiness);
    Closing.quietly("meter registry", registry == null ? null : registry::close);
    state = State.STOPPED;
    LOG.info("stopped");
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return state == State.RUNNING;
  }

  public Readiness readiness() {
    return readiness;
  }

  /** Port of the HTTP server (useful with port 0); only after {@link #start()}. */
  public int httpPort() {
    return http.port();
  }

  public PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  /** Live connections, once started. */
  public RuntimeContext context() {
    return context;
  }
}
