package ai.kubernaut.orchestrator.harness.sandbox;

import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.Closing;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.Wiring;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers;
import ai.kubernaut.orchestrator.sandbox.kubeapi.CrdFiles;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import ai.kubernaut.orchestrator.sandbox.temporal.StickyQueueRecorder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole sandbox in this process: a Temporal test server, the Kubernetes API stand-in with the
 * CRDs, the simulated child controllers and the orchestrator (worker + bridge, production wiring).
 * Either server can be an external one instead: a cluster named by a kubeconfig (its missing CRDs
 * installed, see {@link CrdInstaller}) and a Temporal server named by the orchestrator's settings.
 * Used by the {@code sandbox} and {@code bench} commands and by the reliability tests, which also
 * stop the orchestrator and start a new one against the same server and stand-in ({@link
 * #stopOrchestrator()}, {@link #startOrchestrator()}).
 *
 * <p>The orchestrator's Kubernetes client counts its own requests ({@link
 * #orchestratorRequests()}); the stand-in's request log also holds the controllers' and the
 * caller's.
 */
public final class SandboxStack implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SandboxStack.class);

  /**
   * The stand-in answers every request on one event loop and scans every stored object for a list;
   * with a few thousand objects a full list can take longer than fabric8's default 10 s, and an
   * informer whose list times out keeps relisting. A real API server paginates and is not this
   * slow.
   */
  static final int STAND_IN_REQUEST_TIMEOUT_MS = 60_000;

  private final Settings settings;
  private final ApiRequestCounter orchestratorRequests = new ApiRequestCounter();
  private SandboxTemporalServer temporal;
  private KubernetesApiStandIn api;
  private KubernetesClient controllersClient;
  private KubernetesClient client;
  private SimulatedControllers controllers;
  private OrchestratorApp app;
  private StickyQueueRecorder stickyQueues;
  private OrchestratorConfig orchestratorConfig;

  /**
   * What to start.
   *
   * @param temporalPort port of the Temporal test server, 0 for a free one
   * @param apiPort port of the API stand-in, 0 for a free one
   * @param orchestrator the orchestrator's settings; the Temporal address is replaced by the test
   *     server's
   * @param controllers settings of the simulated controllers
   * @param sink where the simulated notification controller delivers
   * @param kubeconfigOut where to write a kubeconfig for the stand-in, or null
   * @param cluster kubeconfig of a cluster to use instead of the stand-in, or null
   * @param externalTemporal whether the orchestrator's Temporal settings name a server to use
   *     instead of the in-process test server
   */
  public record Settings(
      int temporalPort,
      int apiPort,
      OrchestratorConfig orchestrator,
      ControllerConfig controllers,
      NotificationSink sink,
      Wiring wiring,
      Clock clock,
      Path kubeconfigOut,
      Path cluster,
      boolean externalTemporal) {
    public Settings {
      Objects.requireNonNull(orchestrator, "orchestrator");
      Objects.requireNonNull(controllers, "controllers");
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(wiring, "wiring");
      Objects.requireNonNull(clock, "clock");
    }

    /** Free ports, production wiring, notifications logged, the system clock. */
    public static Settings of(OrchestratorConfig orchestrator, ControllerConfig controllers) {
      return new Settings(
          0,
          0,
          orchestrator,
          controllers,
          NotificationSink.logging(),
          new ProductionWiring(),
          Clock.systemUTC(),
          null,
          null,
          false);
    }

    public Settings withSink(NotificationSink value) {
      return new Settings(
          temporalPort,
          apiPort,
          orchestrator,
          controllers,
          value,
          wiring,
          clock,
          kubeconfigOut,
          cluster,
          externalTemporal);
    }
  }

  private SandboxStack(Settings settings) {
    this.settings = settings;
  }

  /** Starts everything; on failure closes what started and rethrows. */
  public static SandboxStack start(Settings settings) throws Exception {
    SandboxStack stack = new SandboxStack(settings);
    try {
      stack.startAll();
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    if (settings.externalTemporal()) {
      orchestratorConfig = settings.orchestrator();
    } else {
      temporal =
          SandboxTemporalServer.start(
              settings.temporalPort(), settings.wiring().searchAttributes());
      orchestratorConfig =
          settings
              .orchestrator()
              .withTemporal(pointedAt(settings.orchestrator().temporal(), temporal));
    }
    if (settings.cluster() == null) {
      api = KubernetesApiStandIn.builder().port(settings.apiPort()).start();
      if (settings.kubeconfigOut() != null) {
        api.writeKubeconfig(settings.kubeconfigOut());
      }
      controllersClient = api.newClient();
      client = api.client();
    } else {
      controllersClient = clusterClient();
      client = clusterClient();
      CrdInstaller.installMissing(client, CrdFiles.kubernautCrds());
    }
    controllers =
        new SimulatedControllers(
                controllersClient,
                settings.controllers().withClock(settings.clock()),
                settings.sink())
            .start();
    startOrchestrator();
  }

  /**
   * Creates {@code namespace} in the stand-in, or on the cluster when it is missing there (a fresh
   * cluster may not have the scenarios' namespace, and a real API server refuses RRs without it).
   */
  public void createNamespace(String namespace) {
    if (api != null) {
      api.createNamespace(namespace);
      return;
    }
    createNamespace(client, namespace);
  }

  /** Creates {@code namespace} through {@code client} unless it exists. */
  public static void createNamespace(KubernetesClient client, String namespace) {
    if (client.namespaces().withName(namespace).get() != null) {
      return;
    }
    try {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      LOG.info("created namespace {}", namespace);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** Starts a new orchestrator (worker + bridge) against this server and stand-in. */
  public synchronized OrchestratorApp startOrchestrator() throws Exception {
    if (app != null && app.isRunning()) {
      throw new IllegalStateException("the orchestrator is already running");
    }
    stickyQueues = new StickyQueueRecorder();
    app =
        OrchestratorApp.builder(
                orchestratorConfig,
                temporal == null
                    ? settings.wiring()
                    : new PreRegisteredSearchAttributes(settings.wiring()))
            .kubernetesClients(
                k -> settings.cluster() == null ? orchestratorClient() : clusterClient())
            .temporalInterceptors(List.of(stickyQueues))
            .clock(settings.clock())
            .build();
    app.start();
    return app;
  }

  /**
   * Stops the orchestrator within its configured shutdown grace period (set it short for an abrupt
   * stop: in-flight activity attempts are abandoned, informers and watches closed), then expires
   * its sticky task queue as a real Temporal server would (see {@link
   * SandboxTemporalServer#expireStickyQueuesOf}).
   */
  public synchronized void stopOrchestrator() {
    if (app != null) {
      app.stop();
      if (temporal != null) {
        Set<String> sticky = stickyQueues.stickyQueues();
        temporal.expireStickyQueues(sticky);
        LOG.info("orchestrator stopped; its sticky task queues {} expire", sticky);
      }
    }
  }

  /** A new client for {@code Settings.cluster}, with the orchestrator's client defaults. */
  private KubernetesClient clusterClient() {
    return KubernetesClients.create(new KubernetesConfig(settings.cluster().toString(), List.of()));
  }

  private KubernetesClient orchestratorClient() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(api.url())
            .withNamespace("default")
            .withHttp2Disable(true)
            .withRequestRetryBackoffLimit(KubernetesClients.REQUEST_RETRIES)
            .withRequestTimeout(STAND_IN_REQUEST_TIMEOUT_MS)
            .build();
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(
            b -> b.addOrReplaceInterceptor("kubernaut-request-counter", orchestratorRequests))
        .build();
  }

  /** The in-process Temporal test server; null when an external server is used. */
  public SandboxTemporalServer temporal() {
    return temporal;
  }

  /** The API stand-in; null when the stack runs against a cluster ({@code Settings.cluster}). */
  public KubernetesApiStandIn api() {
    return api;
  }

  /** A client for the cluster the stack runs against, the stand-in or another one. */
  public KubernetesClient client() {
    return client;
  }

  /** The Kubernetes API server's URL. */
  public String kubernetesUrl() {
    return api != null ? api.url() : client.getMasterUrl().toString();
  }

  /** The Temporal frontend the orchestrator uses, {@code host:port}. */
  public String temporalTarget() {
    return orchestratorConfig.temporal().address();
  }

  /** The Temporal namespace the orchestrator uses. */
  public String temporalNamespace() {
    return orchestratorConfig.temporal().namespace();
  }

  /** The running (or last) orchestrator. */
  public synchronized OrchestratorApp app() {
    return app;
  }

  public SimulatedControllers controllers() {
    return controllers;
  }

  /** The orchestrator's settings as started (Temporal address pointed at the test server). */
  public OrchestratorConfig orchestratorConfig() {
    return orchestratorConfig;
  }

  /** Requests sent by the orchestrator's Kubernetes clients, across restarts. */
  public ApiRequestCounter orchestratorRequests() {
    return orchestratorRequests;
  }

  /** Stops everything in reverse start order; a part that fails to stop is logged and skipped. */
  @Override
  public void close() {
    Closing.quietly("orchestrator", app == null ? null : app::stop);
    Closing.quietly("simulated controllers", controllers);
    Closing.quietly("controllers' client", controllersClient);
    Closing.quietly("cluster client", api == null ? client : null);
    Closing.quietly("Kubernetes API stand-in", api);
    Closing.quietly("Temporal test server", temporal);
  }

  /** {@code base} with the address and namespace of {@code server}, without TLS or an API key. */
  public static TemporalConfig pointedAt(TemporalConfig base, SandboxTemporalServer server) {
    return new TemporalConfig(
        server.target(),
        server.namespace(),
        base.taskQueue(),
        false,
        null,
        null,
        null,
        null,
        null,
        base.uiBaseUrl(),
        base.registerSearchAttributes());
  }
}
