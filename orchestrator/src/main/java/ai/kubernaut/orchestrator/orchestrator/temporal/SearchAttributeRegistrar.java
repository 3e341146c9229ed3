package ai.kubernaut.orchestrator.orchestrator.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the orchestrator's custom search attributes in a namespace when they are missing (SPEC
 * §8). Lists first and adds only what is missing; an attribute that exists with another type fails
 * the start, since queries on it would be wrong.
 *
 * <p>Servers without {@code ListSearchAttributes} (the Java test server) get a plain add; an
 * "already exists" answer then counts as registered.
 */
public final class SearchAttributeRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final OperatorServiceStubs operator;

  public SearchAttributeRegistrar(OperatorServiceStubs operator) {
    this.operator = operator;
  }

  /** What was found and done. */
  public record Registration(Set<String> added, Set<String> alreadyPresent, boolean listed) {}

  public Registration registerMissing(String namespace, Map<String, IndexedValueType> wanted) {
    if (wanted.isEmpty()) {
      return new Registration(Set.of(), Set.of(), false);
    }
    Optional<Map<String, IndexedValueType>> existing = list(namespace);
    Map<String, IndexedValueType> missing = new TreeMap<>(wanted);
    TreeSet<String> present = new TreeSet<>();
    existing.ifPresent(
        current -> {
          for (Map.Entry<String, IndexedValueType> e : wanted.entrySet()) {
            IndexedValueType found = current.get(e.getKey());
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
        });
    if (missing.isEmpty()) {
      LOG.info("search attributes already registered in namespace {}: {}", namespace, present);
      return new Registration(Set.of(), present, existing.isPresent());
    }
    if (existing.isPresent()) {
      add(namespace, missing);
      LOG.info("registered search attributes in namespace {}: {}", namespace, missing.keySet());
      return new Registration(new TreeSet<>(missing.keySet()), present, true);
    }
    // cannot list: add one by one so "already exists" is known per attribute
    TreeSet<String> added = new TreeSet<>();
    for (Map.Entry<String, IndexedValueType> e : missing.entrySet()) {
      try {
        add(namespace, Map.of(e.getKey(), e.getValue()));
        added.add(e.getKey());
      } catch (StatusRuntimeException ex) {
        if (ex.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw ex;
        }
        present.add(e.getKey());
      }
    }
    LOG.info(
        "search attributes in namespace {}: added {}, already present {}",
        namespace,
        added,
        present);
    return new Registration(added, present, false);
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

  private Optional<Map<String, IndexedValueType>> list(String namespace) {
    try {
      return Optional.of(
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        LOG.debug("server cannot list search attributes; adding them blindly");
        return Optional.empty();
      }
      throw e;
    }
  }
}
