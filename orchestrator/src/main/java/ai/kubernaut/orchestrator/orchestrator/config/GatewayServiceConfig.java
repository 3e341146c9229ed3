package ai.kubernaut.orchestrator.orchestrator.config;

import ai.kubernaut.orchestrator.gateway.GatewayConfig;

/**
 * The {@code gateway} command: the Gateway on its own, with the ops port (/metrics, /healthz,
 * /readyz) of {@code service}.
 */
public record GatewayServiceConfig(
    KubernetesConfig kubernetes, GatewayConfig gateway, ServiceConfig service) {}
