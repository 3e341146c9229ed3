package ai.kubernaut.orchestrator.bridge.layerviolation;

import ai.kubernaut.orchestrator.activities.StatusActivitiesImpl;

/** Breaks the bridge's layer rule on purpose: LayerRulesTest shows the rule catches it. */
public final class BridgeCallingAnActivity {

  public Class<?> writer() {
    return StatusActivitiesImpl.class;
  }
}
