package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.List;
import java.util.Map;

/**
 * What the service runs once connected: the search attributes to register and the components to
 * start, in start order (worker first, then the bridge; stopped in reverse).
 */
public interface Wiring {

  /** Custom search attributes registered in the namespace when missing (SPEC §8). */
  Map<String, IndexedValueType> searchAttributes();

  List<ManagedComponent> components(RuntimeContext context) throws Exception;
}
