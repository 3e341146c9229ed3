package ai.kubernaut.orchestrator.orchestrator.config;

import java.util.List;

/**
 * How to reach Kubernetes and what to watch.
 *
 * @param kubeconfig kubeconfig path (or path list), or null for fabric8's auto-configuration
 *     (in-cluster service account, then {@code ~/.kube/config})
 * @param watchNamespaces namespaces whose RemediationRequests are watched; empty means all
 */
public record KubernetesConfig(String kubeconfig, List<String> watchNamespaces) {

  public KubernetesConfig {
    watchNamespaces = List.copyOf(watchNamespaces);
  }

  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }
}
