package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Background garbage collection, as the kube-controller-manager does it: when an object is removed
 * from the store, every dependent whose {@code ownerReferences} name its UID, and which has no
 * other owner left, is deleted through the normal DELETE path. Finalizers on dependents are
 * therefore respected, and removing a dependent collects its own dependents in turn (cascade). A
 * namespaced owner only owns objects in its namespace; a cluster-scoped owner owns objects
 * anywhere.
 */
public final class GarbageCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  /**
   * An object in the store.
   *
   * @param plural its resource plural (the store key knows it; the JSON does not)
   * @param json its stored JSON
   */
  public record StoredObject(String plural, String json) {}

  private final Supplier<List<StoredObject>> store;
  private final Consumer<String> deleteByPath;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kube-api-standin-gc");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param store a snapshot of every stored object
   * @param deleteByPath issues a DELETE for an object path (through the strict dispatcher)
   */
  public GarbageCollector(Supplier<List<StoredObject>> store, Consumer<String> deleteByPath) {
    this.store = store;
    this.deleteByPath = deleteByPath;
  }

  /** Called when an object has been removed from the store; collects its dependents later. */
  public void removed(String removedJson) {
    JsonNode owner = Serialization.jsonMapper().readTree(removedJson);
    String uid = owner.path("metadata").path("uid").asString("");
    if (uid.isEmpty()) {
      return;
    }
    String namespace = owner.path("metadata").path("namespace").asString("");
    executor.execute(() -> collect(uid, namespace));
  }

  private void collect(String ownerUid, String ownerNamespace) {
    try {
      List<StoredObject> objects = store.get();
      Set<String> liveUids = new HashSet<>();
      List<JsonNode> candidates = new ArrayList<>();
      List<String> plurals = new ArrayList<>();
      for (StoredObject o : objects) {
        JsonNode node = Serialization.jsonMapper().readTree(o.json());
        liveUids.add(node.path("metadata").path("uid").asString(""));
        if (o.json().contains(ownerUid)) {
          candidates.add(node);
          plurals.add(o.plural());
        }
      }
      for (int i = 0; i < candidates.size(); i++) {
        JsonNode dependent = candidates.get(i);
        if (isOrphanedBy(dependent, ownerUid, ownerNamespace, liveUids)) {
          String path = pathOf(dependent, plurals.get(i));
          LOG.debug("garbage collecting {} (owner {} removed)", path, ownerUid);
          deleteByPath.accept(path);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("garbage collection for owner {} failed", ownerUid, e);
    }
  }

  private static boolean isOrphanedBy(
      JsonNode dependent, String ownerUid, String ownerNamespace, Set<String> liveUids) {
    String namespace = dependent.path("metadata").path("namespace").asString("");
    if (!ownerNamespace.isEmpty() && !ownerNamespace.equals(namespace)) {
      return false;
    }
    boolean ownedByRemoved = false;
    for (JsonNode ref : dependent.path("metadata").path("ownerReferences")) {
      String uid = ref.path("uid").asString("");
      if (uid.equals(ownerUid)) {
        ownedByRemoved = true;
      } else if (liveUids.contains(uid)) {
        return false;
      }
    }
    return ownedByRemoved;
  }

  static String pathOf(JsonNode object, String plural) {
    String apiVersion = object.path("apiVersion").asString("v1");
    String namespace = object.path("metadata").path("namespace").asString("");
    String name = object.path("metadata").path("name").asString("");
    StringBuilder path =
        new StringBuilder(apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion);
    if (!namespace.isEmpty()) {
      path.append("/namespaces/").append(namespace);
    }
    return path.append('/').append(plural).append('/').append(name).toString();
  }

  /** Waits for queued collections to finish, for an orderly shutdown. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
