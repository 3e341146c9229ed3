package ai.kubernaut.orchestrator.orchestrator.config;

import ai.kubernaut.orchestrator.bridge.BridgeConfig;
import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RoutingPolicy;

/**
 * Every runtime setting of the orchestrator, built once by the CLI from flags and environment
 * variables. Nothing else reads the environment.
 *
 * @param gateway the Gateway's settings when it runs in this process, else null
 */
public record OrchestratorConfig(
    TemporalConfig temporal,
    KubernetesConfig kubernetes,
    RemediationDefaults remediation,
    RoutingConfig routing,
    WorkerConfig worker,
    BridgeConfig bridge,
    ServiceConfig service,
    GatewayConfig gateway) {

  /** The per-run defaults from the remediation, routing and Temporal options. */
  public static RemediationSettings remediationSettings(
      RemediationDefaults remediation, RoutingConfig routing, TemporalConfig temporal) {
    return new RemediationSettings(
        remediation.timeouts(),
        remediation.maxRecoveryAttempts(),
        remediation.terminationRateThreshold(),
        null, // terminationRateWindow: the workflows module's default (1h, SPEC §3)
        remediation.retention(),
        temporal.uiBaseUrl(),
        new RoutingPolicy(
            routing.recentlyRemediatedCooldown(),
            routing.consecutiveFailureThreshold(),
            routing.consecutiveFailureBlock(),
            routing.duplicateSettleWindow(),
            null), // failureMemory: the workflows module's default (24h)
        null); // resourceBusyRetry: the workflows module's default (30s)
  }

  public OrchestratorConfig withTemporal(TemporalConfig newTemporal) {
    return new OrchestratorConfig(
        newTemporal, kubernetes, remediation, routing, worker, bridge, service, gateway);
  }

  /** With the Gateway in the same process ({@code run --gateway}); null turns it off. */
  public OrchestratorConfig withGateway(GatewayConfig newGateway) {
    return new OrchestratorConfig(
        temporal, kubernetes, remediation, routing, worker, bridge, service, newGateway);
  }
}
