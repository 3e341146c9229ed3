package ai.kubernaut.orchestrator.activities;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RR as our last status write left it, per RR UID, so the next write of the same remediation
 * can start from it instead of reading the RR again. Safe because the write is optimistic: it
 * carries that copy's resourceVersion, and if anyone wrote the RR since (the Gateway, the bridge, a
 * write of ours from another replica) the API server answers 409 and the writer reads it fresh.
 *
 * <p>{@link #take} removes the copy, so two concurrent writes never share one object. Bounded: the
 * least recently written RR is forgotten first.
 */
final class LastWrittenStatus {

  private final Map<String, GenericKubernetesResource> byUid;

  LastWrittenStatus(int capacity) {
    this.byUid =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, GenericKubernetesResource> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Our last written copy of the RR with {@code uid}, removed from here; null when none. */
  synchronized GenericKubernetesResource take(String uid) {
    return uid == null ? null : byUid.remove(uid);
  }

  synchronized void remember(GenericKubernetesResource written) {
    String uid = written.getMetadata() == null ? null : written.getMetadata().getUid();
    if (uid != null) {
      byUid.put(uid, written);
    }
  }
}
