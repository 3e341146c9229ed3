package ai.kubernaut.orchestrator.activities.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** The object as stored by the API server after a create-or-adopt call, and what happened. */
public record Written<T extends HasMetadata>(T object, WriteOutcome outcome) {

  public String uid() {
    return object.getMetadata().getUid();
  }

  public boolean existed() {
    return outcome != WriteOutcome.CREATED;
  }
}
