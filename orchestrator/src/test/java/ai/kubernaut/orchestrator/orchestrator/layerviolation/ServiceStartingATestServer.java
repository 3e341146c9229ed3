package ai.kubernaut.orchestrator.orchestrator.layerviolation;

import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;

/** Breaks the service's layer rule on purpose: LayerRulesTest shows the rule catches it. */
public final class ServiceStartingATestServer {

  public Class<?> server() {
    return SandboxTemporalServer.class;
  }
}
