package ai.kubernaut.orchestrator.harness.cli;

import ai.kubernaut.orchestrator.bridge.BridgeConfig;
import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.harness.sandbox.SandboxRunner;
import ai.kubernaut.orchestrator.orchestrator.cli.BridgeOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.RemediationOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.RoutingOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.cli.WorkerOptions;
import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.RemediationDefaults;
import ai.kubernaut.orchestrator.orchestrator.config.RoutingConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import io.fabric8.kubernetes.client.Config;
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
      "and sample RemediationRequests. Prints progress and a summary; logs go to --log-file.",
      "With --kubeconfig and --temporal-address it uses your own cluster and Temporal server."
    })
public final class SandboxCommand implements Callable<Integer> {

  static final String TASK_QUEUE = "kubernaut-remediation";
  static final String DEFAULT_NAMESPACE = "default";

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
    Path cluster = v.optionalReadableFile(SandboxOptions.KUBECONFIG, sandbox.kubeconfig);
    String namespace =
        sandbox.namespace != null
            ? v.dnsSubdomain(SandboxOptions.NAMESPACE, sandbox.namespace)
            : contextNamespace(cluster);
    boolean externalTemporal = sandbox.temporalAddress != null;
    TemporalConfig temporal =
        temporalConfig(
            externalTemporal
                ? v.hostPort(SandboxOptions.TEMPORAL_ADDRESS, sandbox.temporalAddress)
                : "localhost:" + temporalPort,
            externalTemporal
                ? v.nonBlank(SandboxOptions.TEMPORAL_NAMESPACE, sandbox.temporalNamespace)
                : "default");
    KubernetesConfig kubernetes =
        cluster == null
            ? new KubernetesConfig(kubeconfigOut.toString(), List.of())
            : new KubernetesConfig(cluster.toString(), List.of(namespace));
    OrchestratorConfig orchestrator =
        sandboxOrchestrator(
            v,
            temporal,
            kubernetes,
            namespace,
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
            cluster,
            namespace,
            externalTemporal,
            orchestrator,
            sandbox.gateway
                ? GatewayConfig.defaults(
                    v.port(SandboxOptions.GATEWAY_PORT, sandbox.gatewayPort), namespace)
                : null);
    v.throwIfInvalid();
    return config;
  }

  /**
   * The orchestrator's settings in the sandbox stack: Temporal at {@code temporal} (the in-process
   * test server's address replaces it at start unless the server is external), the cluster of
   * {@code kubernetes}, the Lease in {@code namespace} unless one is configured.
   */
  static OrchestratorConfig sandboxOrchestrator(
      ConfigValidator v,
      TemporalConfig temporal,
      KubernetesConfig kubernetes,
      String namespace,
      RemediationOptions remediation,
      RoutingOptions routing,
      WorkerOptions worker,
      BridgeOptions bridge,
      ServiceConfig service) {
    RemediationDefaults remediationConfig = remediation.toConfig(v);
    RoutingConfig routingConfig = routing.toConfig(v);
    BridgeConfig b =
        bridge.toConfig(
            v,
            temporal,
            kubernetes,
            OrchestratorConfig.remediationSettings(remediationConfig, routingConfig, temporal));
    return new OrchestratorConfig(
        temporal,
        kubernetes,
        remediationConfig,
        routingConfig,
        worker.toConfig(v),
        b.lease() == null || b.lease().namespace() != null
            ? b
            // one replica only: the Lease lives in the scenarios' namespace unless one is set
            : b.withLease(b.lease().inNamespace(namespace)),
        service,
        null); // SandboxConfig adds the Gateway when it runs
  }

  /**
   * As the in-process sandbox stack runs it (the {@code bench} command): Temporal at {@code
   * localhost:temporalPort}, replaced by the test server's address at start, the stand-in's
   * kubeconfig, the Lease in {@code default}.
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
    return sandboxOrchestrator(
        v,
        temporalConfig("localhost:" + temporalPort, "default"),
        new KubernetesConfig(kubeconfig.toString(), List.of()),
        DEFAULT_NAMESPACE,
        remediation,
        routing,
        worker,
        bridge,
        service);
  }

  private static TemporalConfig temporalConfig(String address, String namespace) {
    return new TemporalConfig(
        address, namespace, TASK_QUEUE, false, null, null, null, null, null, null, true);
  }

  /** The kubeconfig context's namespace, else {@code default}. */
  private static String contextNamespace(Path kubeconfig) {
    if (kubeconfig == null) {
      return DEFAULT_NAMESPACE;
    }
    try {
      String ns = Config.fromKubeconfig(kubeconfig.toFile()).getNamespace();
      return ns == null || ns.isBlank() ? DEFAULT_NAMESPACE : ns;
    } catch (RuntimeException e) {
      return DEFAULT_NAMESPACE;
    }
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
