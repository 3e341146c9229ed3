package ai.kubernaut.orchestrator.orchestrator.kube;

import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.util.Arrays;

/** Builds the fabric8 client from {@link KubernetesConfig}. */
public final class KubernetesClients {

  private KubernetesClients() {}

  /**
   * A client from the kubeconfig when one is configured (the first readable entry of a path list),
   * else fabric8's auto-configuration: in-cluster service account, then ~/.kube/config.
   */
  public static KubernetesClient create(KubernetesConfig config) {
    Config clientConfig;
    if (config.kubeconfig() == null) {
      clientConfig = Config.autoConfigure(null);
    } else {
      File file =
          Arrays.stream(config.kubeconfig().split(File.pathSeparator))
              .filter(p -> !p.isBlank())
              .map(File::new)
              .filter(File::canRead)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no readable kubeconfig in " + config.kubeconfig()));
      clientConfig = Config.fromKubeconfig(file);
    }
    return new KubernetesClientBuilder().withConfig(clientConfig).build();
  }

  /** Ready when the API server answers {@code GET /version} (allowed to every identity). */
  public static ReadinessCheck readinessCheck(KubernetesClient client) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "kubernetes";
      }

      @Override
      public Result check() {
        client.getKubernetesVersion();
        return Result.ok();
      }
    };
  }
}
