package ai.kubernaut.orchestrator.harness.sandbox;

import ai.kubernaut.orchestrator.orchestrator.lifecycle.ManagedComponent;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.RuntimeContext;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.Wiring;
import io.temporal.api.enums.v1.IndexedValueType;
import java.util.List;
import java.util.Map;

/**
 * A wiring for an in-process Java test server that got the search attributes when it started
 * ({@code SandboxTemporalServer.start}): the orchestrator registers nothing, since that server
 * cannot list what it has. Against a real Temporal server the orchestrator registers them itself.
 */
public record PreRegisteredSearchAttributes(Wiring wiring) implements Wiring {

  @Override
  public Map<String, IndexedValueType> searchAttributes() {
    return Map.of();
  }

  @Override
  public List<ManagedComponent> components(RuntimeContext context) throws Exception {
    return wiring.components(context);
  }
}
