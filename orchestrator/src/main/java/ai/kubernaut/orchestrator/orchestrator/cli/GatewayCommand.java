package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.GatewayServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.GatewayApp;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gateway}: the Gateway on its own (no Temporal), for a separate Deployment. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    sortOptions = false,
    description = {
      "Run only the Gateway: Alertmanager webhooks and Kubernetes Warning events in,",
      "RemediationRequests out (deduplicated). /metrics, /healthz and /readyz on --http-port.",
      "Every option also reads the environment variable shown under it. Stops on SIGTERM."
    })
public final class GatewayCommand implements Callable<Integer> {

  @Mixin KubeconfigOption kubeconfig;

  @Mixin GatewayOptions gateway;
  @Mixin ServiceOptions service;

  private final ServiceRunner<GatewayServiceConfig> runner;

  public GatewayCommand() {
    this(GatewayApp::runUntilStopped);
  }

  public GatewayCommand(ServiceRunner<GatewayServiceConfig> runner) {
    this.runner = runner;
  }

  /** Validates every option; throws when any is invalid, naming each. */
  public GatewayServiceConfig toConfig() {
    ConfigValidator v = new ConfigValidator();
    GatewayServiceConfig config =
        new GatewayServiceConfig(
            new KubernetesConfig(kubeconfig.toConfig(v), List.of()),
            gateway.toConfig(v),
            service.toConfig(v));
    v.throwIfInvalid();
    return config;
  }

  @Override
  public Integer call() throws Exception {
    GatewayServiceConfig config = toConfig();
    LoggingConfigurator.configure(config.service().logFormat(), config.service().logLevel());
    return runner.run(config);
  }
}
