package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import picocli.CommandLine.Option;

/** {@code --kubeconfig}, shared by the commands that talk to a cluster. */
public final class KubeconfigOption {

  static final String KUBECONFIG = "--kubeconfig";

  @Option(
      names = KUBECONFIG,
      paramLabel = "<file>",
      defaultValue = "${env:KUBECONFIG:-}",
      description = "Kubeconfig file. Empty: in-cluster service account, else ~/.kube/config.")
  String kubeconfig;

  /** The readable kubeconfig file(s), or null for in-cluster / {@code ~/.kube/config}. */
  String toConfig(ConfigValidator v) {
    return v.optionalReadableFileList(KUBECONFIG, kubeconfig);
  }
}
