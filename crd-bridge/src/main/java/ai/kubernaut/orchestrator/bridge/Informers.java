package ai.kubernaut.orchestrator.bridge;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one kind: one over all namespaces, or one per configured namespace. The handler
 * and indexers are attached before the informers start, so no event is missed; a failed list or
 * watch is retried by fabric8 (the exception handler says "keep trying").
 */
final class Informers<T extends HasMetadata> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Informers.class);
  private static final String ALL = "";

  private final String kind;
  private final Class<T> type;
  private final Map<String, SharedIndexInformer<T>> byNamespace = new LinkedHashMap<>();

  private Informers(Class<T> type) {
    this.kind = type.getSimpleName();
    this.type = type;
  }

  static <T extends HasMetadata> Informers<T> create(
      KubernetesClient client,
      Class<T> type,
      List<String> namespaces,
      Duration resync,
      Map<String, Function<T, List<String>>> indexers,
      ResourceEventHandler<? super T> handler) {
    Informers<T> informers = new Informers<>(type);
    List<String> targets = namespaces.isEmpty() ? List.of(ALL) : namespaces;
    for (String namespace : targets) {
      SharedIndexInformer<T> informer =
          namespace.equals(ALL)
              ? client.resources(type).inAnyNamespace().runnableInformer(resync.toMillis())
              : client.resources(type).inNamespace(namespace).runnableInformer(resync.toMillis());
      if (!indexers.isEmpty()) {
        informer.addIndexers(indexers);
      }
      informer.addEventHandler(handler);
      informer.exceptionHandler(
          (started, t) -> {
            LOG.warn("{} informer: {}, retrying", informers.kind, t.toString());
            return true;
          });
      informers.byNamespace.put(namespace, informer);
    }
    return informers;
  }

  String kind() {
    return kind;
  }

  Class<T> type() {
    return type;
  }

  /** Starts every informer; completes once all have listed. */
  CompletableFuture<Void> start() {
    return CompletableFuture.allOf(
        byNamespace.values().stream()
            .map(i -> i.start().toCompletableFuture())
            .toArray(CompletableFuture[]::new));
  }

  T get(String namespace, String name) {
    SharedIndexInformer<T> informer = informerFor(namespace);
    return informer == null ? null : informer.getStore().getByKey(namespace + "/" + name);
  }

  List<T> byIndex(String namespace, String index, String key) {
    SharedIndexInformer<T> informer = informerFor(namespace);
    return informer == null ? List.of() : informer.getIndexer().byIndex(index, key);
  }

  List<T> list() {
    List<T> all = new ArrayList<>();
    byNamespace.values().forEach(i -> all.addAll(i.getStore().list()));
    return all;
  }

  boolean isWatching() {
    return !byNamespace.isEmpty()
        && byNamespace.values().stream().allMatch(SharedIndexInformer::isWatching);
  }

  @Override
  public void close() {
    byNamespace.values().forEach(SharedIndexInformer::stop);
  }

  private SharedIndexInformer<T> informerFor(String namespace) {
    SharedIndexInformer<T> any = byNamespace.get(ALL);
    return any != null ? any : byNamespace.get(namespace);
  }
}
