package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.BridgeConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.config.LeaderElectionConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.SandboxConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import ai.kubernaut.orchestrator.orchestrator.sandbox.SandboxRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sandbox}: everything on a laptop with only a JDK (Temporal test server, Kubernetes API
 * stand-in, simulated child controllers, the orchestrator, sample RemediationRequests).
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    sortOptions = false,
    description = {
      "Start a self-contained sandbox: a Temporal test server on a local port, a Kubernetes API",
      "stand-in with the CRDs, simulated child controllers with scripted outcomes, the orchestrator,",
      "and sample RemediationRequests. Prints progress and a summary."
    })
public final class SandboxCommand implements Callable<Integer> {

  static final String TASK_QUEUE = "kubernaut-remediation";

  @Mixin SandboxOptions sandbox;
  @Mixin RemediationOptions remediation;
  @Mixin RoutingOptions routing;
  @Mixin WorkerOptions worker;
  @Mixin BridgeOptions bridge;
  @Mixin ServiceOptions service;

  private final ServiceRunner<SandboxConfig> runner;

  public SandboxCommand() {
    this(new SandboxRunner());
  }

  public SandboxCommand(ServiceRunner<SandboxConfig> runner) {
    this.runner = runner;
  }

  /** Validates every option; throws when any is invalid, naming each. */
  public SandboxConfig toConfig() {
    ConfigValidator v = new ConfigValidator();
    int temporalPort = v.port(SandboxOptions.TEMPORAL_PORT, sandbox.temporalPort);
    v.require(temporalPort > 0, SandboxOptions.TEMPORAL_PORT, "must be between 1 and 65535");
    int apiPort = v.port(SandboxOptions.API_PORT, sandbox.apiPort);
    Path kubeconfigOut = Path.of(v.nonBlank(SandboxOptions.KUBECONFIG_OUT, sandbox.kubeconfigOut));
    OrchestratorConfig orchestrator =
        sandboxOrchestrator(
            v,
            temporalPort,
            kubeconfigOut,
            remediation,
            routing,
            worker,
            bridge,
            service.toConfig(v));
    SandboxConfig config =
        new SandboxConfig(
            sandbox.keepRunning,
            kubeconfigOut,
            temporalPort,
            apiPort,
            sandbox.scenarios,
            v.positiveDuration(SandboxOptions.STEP_DELAY, sandbox.stepDelay),
            sandbox.logFile == null || sandbox.logFile.isBlank() ? null : Path.of(sandbox.logFile),
            orchestrator);
    v.throwIfInvalid();
    return config;
  }

  /**
   * The orchestrator's settings in the sandbox stack: Temporal at {@code localhost:temporalPort}
   * (replaced by the test server's address at start), the stand-in's kubeconfig, the Lease in the
   * stand-in's default namespace.
   */
  static OrchestratorConfig sandboxOrchestrator(
      ConfigValidator v,
      int temporalPort,
      Path kubeconfig,
      RemediationOptions remediation,
      RoutingOptions routing,
      WorkerOptions worker,
      BridgeOptions bridge,
      ServiceConfig service) {
    BridgeConfig b = bridge.toConfig(v);
    return new OrchestratorConfig(
        new TemporalConfig(
            "localhost:" + temporalPort,
            "default",
            TASK_QUEUE,
            false,
            null,
            null,
            null,
            null,
            null,
            null),
        new KubernetesConfig(kubeconfig.toString(), List.of()),
        remediation.toConfig(v),
        routing.toConfig(v),
        worker.toConfig(v),
        new BridgeConfig(
            b.signalThreads(),
            b.resyncPeriod(),
            b.driftPeriod(),
            sandboxElection(b.leaderElection())),
        service);
  }

  /** One replica only: the Lease lives in the stand-in's default namespace. */
  private static LeaderElectionConfig sandboxElection(LeaderElectionConfig e) {
    return new LeaderElectionConfig(
        e.enabled(),
        e.leaseName(),
        e.leaseNamespace() == null ? "default" : e.leaseNamespace(),
        e.identity(),
        e.leaseDuration(),
        e.renewDeadline(),
        e.retryPeriod());
  }

  @Override
  public Integer call() throws Exception {
    SandboxConfig config = toConfig();
    LoggingConfigurator.configure(
        config.orchestrator().service().logFormat(),
        config.orchestrator().service().logLevel(),
        config.logFile());
    return runner.run(config);
  }
}
