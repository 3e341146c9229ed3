package ai.kubernaut.orchestrator.orchestrator.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the orchestrator's custom search attributes in a namespace when they are missing (SPEC
 * §8). Lists first and adds only what is missing; an attribute that exists with another type fails
 * the start, since queries on it would be wrong. A server that cannot list them (the Java test
 * server, which the sandbox fills itself) fails the start with a message saying so.
 */
public final class SearchAttributeRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final OperatorServiceStubs operator;

  public SearchAttributeRegistrar(OperatorServiceStubs operator) {
    this.operator = operator;
  }

  /** What was found and done. */
  public record Registration(Set<String> added, Set<String> alreadyPresent) {}

  public Registration registerMissing(String namespace, Map<String, IndexedValueType> wanted) {
    if (wanted.isEmpty()) {
      return new Registration(Set.of(), Set.of());
    }
    Map<String, IndexedValueType> existing = list(namespace);
    Map<String, IndexedValueType> missing = new TreeMap<>(wanted);
    TreeSet<String> present = new TreeSet<>();
    for (Map.Entry<String, IndexedValueType> e : wanted.entrySet()) {
      IndexedValueType found = existing.get(e.getKey());
      if (found == null) {
        continue;
      }
      if (found != e.getValue()) {
        throw new IllegalStateException(
            "search attribute "
                + e.getKey()
                + " exists in namespace "
                + namespace
                + " as "
                + found
                + ", expected "
                + e.getValue());
      }
      present.add(e.getKey());
      missing.remove(e.getKey());
    }
    if (missing.isEmpty()) {
      LOG.info("search attributes already registered in namespace {}: {}", namespace, present);
      return new Registration(Set.of(), present);
    }
    add(namespace, missing);
    LOG.info("registered search attributes in namespace {}: {}", namespace, missing.keySet());
    return new Registration(new TreeSet<>(missing.keySet()), present);
  }

  private void add(String namespace, Map<String, IndexedValueType> attributes) {
    operator
        .blockingStub()
        .addSearchAttributes(
            AddSearchAttributesRequest.newBuilder()
                .setNamespace(namespace)
                .putAllSearchAttributes(attributes)
                .build());
  }

  private Map<String, IndexedValueType> list(String namespace) {
    try {
      return operator
          .blockingStub()
          .listSearchAttributes(
              ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
          .getCustomAttributesMap();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new IllegalStateException(
            "the Temporal server cannot list search attributes (ListSearchAttributes is"
                + " unimplemented), so the orchestrator cannot register its own in namespace "
                + namespace
                + ": use a Temporal server (the Java test server is for tests only)",
            e);
      }
      throw e;
    }
  }
}
