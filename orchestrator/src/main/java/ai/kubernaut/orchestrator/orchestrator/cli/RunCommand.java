package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.RemediationDefaults;
import ai.kubernaut.orchestrator.orchestrator.config.RoutingConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorLauncher;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the production service (worker + bridge) against a real cluster and Temporal. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    sortOptions = false,
    description = {
      "Run the orchestrator: Temporal worker (workflows + activities) and CRD bridge (leader elected)",
      "against a Kubernetes cluster and a Temporal service. Every option also reads the environment",
      "variable shown under it. Stops gracefully on SIGTERM."
    })
public final class RunCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;
  @Mixin KubernetesOptions kubernetes;
  @Mixin RemediationOptions remediation;
  @Mixin RoutingOptions routing;
  @Mixin WorkerOptions worker;
  @Mixin BridgeOptions bridge;
  @Mixin ServiceOptions service;
  @Mixin GatewayOptions gateway;

  @Option(
      names = "--gateway",
      defaultValue = "${env:KUBERNAUT_GATEWAY_ENABLED:-false}",
      description =
          "Also run the Gateway (alerts and events in, RemediationRequests out) in this process,"
              + " on --gateway-port.")
  boolean gatewayEnabled;

  private final ServiceRunner<OrchestratorConfig> runner;

  public RunCommand() {
    this(OrchestratorLauncher::runUntilStopped);
  }

  public RunCommand(ServiceRunner<OrchestratorConfig> runner) {
    this.runner = runner;
  }

  /** Validates every option; throws when any is invalid, naming each. */
  public OrchestratorConfig toConfig() {
    ConfigValidator v = new ConfigValidator();
    TemporalConfig temporalConfig = temporal.toConfig(v);
    KubernetesConfig kubernetesConfig = kubernetes.toConfig(v);
    RemediationDefaults remediationConfig = remediation.toConfig(v);
    RoutingConfig routingConfig = routing.toConfig(v);
    OrchestratorConfig config =
        new OrchestratorConfig(
            temporalConfig,
            kubernetesConfig,
            remediationConfig,
            routingConfig,
            worker.toConfig(v),
            bridge.toConfig(
                v,
                temporalConfig,
                kubernetesConfig,
                OrchestratorConfig.remediationSettings(
                    remediationConfig, routingConfig, temporalConfig)),
            service.toConfig(v),
            gatewayEnabled ? gateway.toConfig(v) : null);
    v.throwIfInvalid();
    return config;
  }

  @Override
  public Integer call() throws Exception {
    OrchestratorConfig config = toConfig();
    LoggingConfigurator.configure(config.service().logFormat(), config.service().logLevel());
    return runner.run(config);
  }
}
