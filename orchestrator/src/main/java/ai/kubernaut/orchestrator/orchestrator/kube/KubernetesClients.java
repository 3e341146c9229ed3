package ai.kubernaut.orchestrator.orchestrator.kube;

import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
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
  /**
   * fabric8 retries 5xx answers itself; keep that to one quick retry so Temporal's activity retry
   * policy (with its backoff and visibility in history) is what handles an unavailable API server.
   */
  public static final int REQUEST_RETRIES = 1;

  /** Names the orchestrator in API server audit logs (and in the sandbox's request log). */
  public static final String USER_AGENT = "kubernaut-remediation-orchestrator/v1alpha1";

  /** The client settings every orchestrator client gets, whichever way it is configured. */
  public static ConfigBuilder orchestratorDefaults(ConfigBuilder builder) {
    return builder.withRequestRetryBackoffLimit(REQUEST_RETRIES).withUserAgent(USER_AGENT);
  }

  /** Names the Gateway ({@code gateway} command) in audit logs and the sandbox's request log. */
  public static final String GATEWAY_USER_AGENT = "kubernaut-gateway/v1alpha1";

  public static KubernetesClient create(KubernetesConfig config) {
    return create(config, USER_AGENT);
  }

  /** As {@link #create(KubernetesConfig)}, each request counted by {@code requests}. */
  public static KubernetesClient create(
      KubernetesConfig config, KubernetesRequestMetrics requests) {
    return create(config, USER_AGENT, requests);
  }

  /** As {@link #create(KubernetesConfig)}, under another user agent. */
  public static KubernetesClient create(KubernetesConfig config, String userAgent) {
    return create(config, userAgent, null);
  }

  private static KubernetesClient create(
      KubernetesConfig config, String userAgent, KubernetesRequestMetrics requests) {
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
    return new KubernetesClientBuilder()
        .withConfig(
            orchestratorDefaults(new ConfigBuilder(clientConfig)).withUserAgent(userAgent).build())
        .withHttpClientBuilderConsumer(
            b -> {
              if (requests != null) {
                b.addOrReplaceInterceptor("kubernaut-request-metrics", requests);
              }
            })
        .build();
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
