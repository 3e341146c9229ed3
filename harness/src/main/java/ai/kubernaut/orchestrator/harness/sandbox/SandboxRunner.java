package ai.kubernaut.orchestrator.harness.sandbox;

import ai.kubernaut.orchestrator.gateway.GatewayHttpServer;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ShutdownSignals;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.Wiring;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
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
    if (config.logFile() != null) {
      out.printf("logs: %s%n", config.logFile());
    }
    ControllerConfig controllerConfig =
        ControllerConfig.defaults().withStepDelay(config.stepDelay());
    SandboxStack.Settings settings =
        new SandboxStack.Settings(
            config.temporalPort(),
            config.apiPort(),
            config.orchestratorWithGateway(),
            controllerConfig,
            NotificationSink.logging(),
            wiring,
            clock,
            config.kubeconfigOut(),
            config.cluster(),
            config.externalTemporal());
    try (SandboxStack stack = SandboxStack.start(settings)) {
      OrchestratorApp app = stack.app();
      out.printf(
          "sandbox up: Temporal %s (namespace %s%s), Kubernetes API %s%s, metrics"
              + " http://localhost:%d/metrics%n",
          stack.temporalTarget(),
          stack.temporalNamespace(),
          config.externalTemporal() ? ", external" : "",
          stack.kubernetesUrl(),
          config.cluster() != null ? " (" + config.cluster() + ")" : "",
          app.httpPort());
      stack.createNamespace(config.namespace());
      if (config.gateway() != null) {
        out.printf(
            "gateway: POST Alertmanager payloads to http://localhost:%d%s (docs/gateway.md)%n",
            config.gateway().port(), GatewayHttpServer.ALERTMANAGER_PATH);
      }
      int code = ExitCodes.OK;
      if (config.scenarios()) {
        ScenarioRun run = new ScenarioRun(stack.client(), config.namespace(), out, clock);
        code = run.execute(scenarioDeadline) ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
      }
      if (config.keepRunning()) {
        printConnectionHelp(config, stack);
        ShutdownSignals.install(app::stop);
        app.awaitTermination();
      }
      return code;
    }
  }

  private void printConnectionHelp(SandboxConfig config, SandboxStack stack) {
    String kubeconfig =
        (config.cluster() != null ? config.cluster() : config.kubeconfigOut())
            + " -n "
            + config.namespace();
    out.printf(
        """

        The sandbox keeps running (Ctrl-C stops it).
          kubectl --kubeconfig %1$s get rr
          kubectl --kubeconfig %1$s describe rr <name>
          kubectl --kubeconfig %1$s create -f my-rr.yaml
          kubectl --kubeconfig %1$s get events
          Temporal frontend: %2$s (namespace %3$s), e.g. temporal workflow list --address %2$s
          Logs: %4$s
        """,
        kubeconfig,
        stack.temporalTarget(),
        stack.temporalNamespace(),
        config.logFile() == null ? "on this console" : config.logFile());
  }
}
