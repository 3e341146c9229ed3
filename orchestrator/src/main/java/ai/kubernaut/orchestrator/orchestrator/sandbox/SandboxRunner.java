package ai.kubernaut.orchestrator.orchestrator.sandbox;

import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.SandboxConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ShutdownSignals;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.Wiring;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * The {@code sandbox} command: a Temporal test server, the Kubernetes API stand-in with the CRDs,
 * the simulated child controllers and the orchestrator itself, all in this process; then the
 * built-in scenarios, a live progress view and a summary. Exit code 0 only when every scenario
 * ended as expected.
 */
public final class SandboxRunner implements ServiceRunner<SandboxConfig> {

  static final String NAMESPACE = "default";

  private final Wiring wiring;
  private final PrintStream out;
  private final Duration scenarioDeadline;
  private final Clock clock;

  public SandboxRunner() {
    this(new ProductionWiring(), System.out, Duration.ofMinutes(3), Clock.systemUTC());
  }

  public SandboxRunner(Wiring wiring, PrintStream out, Duration scenarioDeadline, Clock clock) {
    this.wiring = wiring;
    this.out = out;
    this.scenarioDeadline = scenarioDeadline;
    this.clock = clock;
  }

  @Override
  public int run(SandboxConfig config) throws Exception {
    try (SandboxTemporalServer temporal =
            SandboxTemporalServer.start(config.temporalPort(), wiring.searchAttributes());
        KubernetesApiStandIn api = KubernetesApiStandIn.builder().port(config.apiPort()).start()) {
      api.writeKubeconfig(config.kubeconfigOut());
      OrchestratorConfig orchestrator =
          config.orchestrator().withTemporal(pointedAt(config.orchestrator().temporal(), temporal));
      ControllerConfig controllerConfig =
          ControllerConfig.defaults().withStepDelay(config.stepDelay()).withClock(clock);
      try (KubernetesClient controllersClient = api.newClient();
          SimulatedControllers controllers =
              new SimulatedControllers(
                      controllersClient, controllerConfig, NotificationSink.logging())
                  .start();
          OrchestratorApp app =
              new OrchestratorApp(
                  orchestrator,
                  wiring,
                  k ->
                      api.newClient(
                          b -> b.withRequestRetryBackoffLimit(KubernetesClients.REQUEST_RETRIES)),
                  clock)) {
        app.start();
        out.printf(
            "sandbox up: Temporal %s (namespace %s), Kubernetes API %s, metrics http://localhost:%d/metrics%n",
            temporal.target(), temporal.namespace(), api.url(), app.httpPort());
        int code = ExitCodes.OK;
        if (config.scenarios()) {
          ScenarioRun run = new ScenarioRun(api.client(), NAMESPACE, out, clock);
          code = run.execute(scenarioDeadline) ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
        }
        if (config.keepRunning()) {
          printConnectionHelp(config, temporal);
          ShutdownSignals.install(app::stop);
          app.awaitTermination();
        }
        return code;
      }
    }
  }

  private void printConnectionHelp(SandboxConfig config, SandboxTemporalServer temporal) {
    out.printf(
        """

        The sandbox keeps running (Ctrl-C stops it).
          kubectl --kubeconfig %1$s get rr
          kubectl --kubeconfig %1$s describe rr <name>
          kubectl --kubeconfig %1$s create --validate=false -f my-rr.yaml
          Temporal frontend: %2$s (namespace %3$s), e.g. temporal workflow list --address %2$s
        """,
        config.kubeconfigOut(), temporal.target(), temporal.namespace());
  }

  private static TemporalConfig pointedAt(TemporalConfig base, SandboxTemporalServer server) {
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
        base.uiBaseUrl());
  }
}
