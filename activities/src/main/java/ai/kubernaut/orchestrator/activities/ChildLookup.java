package ai.kubernaut.orchestrator.activities;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Where a create looks for the finished SignalProcessing or AIAnalysis it copies from before asking
 * the API server: the CRD bridge's child informers, while this replica leads the bridge. A miss (a
 * follower, or a cache that has not seen the child finish) falls back to a read.
 */
@FunctionalInterface
public interface ChildLookup {

  /** No cache: every read goes to the API server. */
  ChildLookup NONE =
      new ChildLookup() {
        @Override
        public <T extends HasMetadata> T cached(Class<T> type, String namespace, String name) {
          return null;
        }
      };

  /** The cached child, or null; callers must not modify it (it is the cache's object). */
  <T extends HasMetadata> T cached(Class<T> type, String namespace, String name);
}
