package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Kubernetes connection and watch scope. */
public final class KubernetesOptions {

  static final String WATCH_NAMESPACES = "--watch-namespaces";

  @Mixin KubeconfigOption kubeconfig;

  @Option(
      names = WATCH_NAMESPACES,
      paramLabel = "<ns>[,<ns>...]",
      split = ",",
      defaultValue = "${env:KUBERNAUT_WATCH_NAMESPACES:-}",
      description = "Namespaces whose RemediationRequests are watched. Empty: all namespaces.")
  List<String> watchNamespaces;

  KubernetesConfig toConfig(ConfigValidator v) {
    return new KubernetesConfig(
        kubeconfig.toConfig(v), v.namespaces(WATCH_NAMESPACES, watchNamespaces));
  }
}
