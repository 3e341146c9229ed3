package ai.kubernaut.orchestrator.workflows.layerviolation;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Breaks the workflows' layer rule on purpose: LayerRulesTest shows the rule catches it. */
public final class WorkflowReadingKubernetes {

  public String namespace(KubernetesClient client) {
    return client.getNamespace();
  }
}
