package ai.kubernaut.orchestrator.sandbox.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** The two API calls a simulated controller makes on its kind. */
interface ChildStore<T extends HasMetadata> {

  /** A fresh read; empty when the object does not exist. */
  Optional<T> get(String namespace, String name);

  /**
   * Writes {@code resource}'s status through the status subresource, guarded by its
   * resourceVersion: a newer object on the server fails the write with 409.
   */
  void updateStatus(T resource);

  static <T extends HasMetadata> ChildStore<T> of(KubernetesClient client, Class<T> type) {
    return new ChildStore<>() {
      @Override
      public Optional<T> get(String namespace, String name) {
        return Optional.ofNullable(
            client.resources(type).inNamespace(namespace).withName(name).get());
      }

      @Override
      public void updateStatus(T resource) {
        client.resources(type).resource(resource).updateStatus();
      }
    };
  }
}
