package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Where the activities look for an RR before asking the API server: the worker's informer cache of
 * RRs. A miss (not synced yet, or an RR created a moment ago) falls back to a read. The activities
 * take an RR's identity and spec from it, which do not change under them; a status write starts
 * from a copy of it as from any copy that may be stale: its resourceVersion guards the update, and
 * a conflict leads to a read.
 */
@FunctionalInterface
public interface RemediationLookup {

  /** No cache: every read goes to the API server. */
  RemediationLookup NONE = (namespace, name) -> null;

  /** The cached RR, or null; callers must not modify it (it is the cache's object). */
  RemediationRequest cached(String namespace, String name);

  /** Reads from {@code informer}'s store. */
  static RemediationLookup of(SharedIndexInformer<RemediationRequest> informer) {
    return (namespace, name) -> informer.getStore().getByKey(namespace + "/" + name);
  }
}
