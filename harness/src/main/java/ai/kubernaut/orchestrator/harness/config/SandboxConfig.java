package ai.kubernaut.orchestrator.harness.config;

import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code sandbox} command: a local Temporal test server, a Kubernetes API stand-in, simulated
 * child controllers and the orchestrator itself.
 *
 * @param orchestrator the orchestrator's settings; its Temporal address points at {@code
 *     localhost:temporalPort} and its kubeconfig at {@code kubeconfigOut}
 * @param apiPort port of the Kubernetes API stand-in; 0 picks a free port
 * @param scenarios whether to create the sample RemediationRequests
 * @param stepDelay how long each simulated controller waits before writing a status
 * @param logFile where the logs go, or null for the console
 * @param cluster kubeconfig of a cluster to run against instead of the API stand-in, or null
 * @param namespace namespace of the scenario RemediationRequests
 * @param externalTemporal whether {@code orchestrator.temporal()} names a Temporal server to use
 *     instead of the in-process test server
 * @param gateway the Gateway the sandbox runs in the orchestrator, or null for none
 */
public record SandboxConfig(
    boolean keepRunning,
    Path kubeconfigOut,
    int temporalPort,
    int apiPort,
    boolean scenarios,
    Duration stepDelay,
    Path logFile,
    Path cluster,
    String namespace,
    boolean externalTemporal,
    OrchestratorConfig orchestrator,
    GatewayConfig gateway) {

  /** The orchestrator's settings with the sandbox's Gateway, when it has one. */
  public OrchestratorConfig orchestratorWithGateway() {
    return gateway == null ? orchestrator : orchestrator.withGateway(gateway);
  }
}
