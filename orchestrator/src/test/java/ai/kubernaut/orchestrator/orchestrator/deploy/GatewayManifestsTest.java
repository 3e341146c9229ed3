package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gateway's Deployment, Services and kustomization entries. */
class GatewayManifestsTest {

  static final Path BASE = DeployManifests.deploy().resolve("base");

  @Test
  void theGatewayRunsRestrictedUnderItsOwnServiceAccountWithTheTokenMounted() {
    Deployment d =
        DeployManifests.only(
            DeployManifests.load(BASE.resolve("gateway-deployment.yaml")),
            Deployment.class,
            "kubernaut-gateway");
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);

    assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
    assertThat(pod.getServiceAccountName()).isEqualTo("kubernaut-gateway");
    assertThat(c.getArgs()).containsExactly("gateway");
    String tokenFile = env(c, "KUBERNAUT_GATEWAY_TOKEN_FILE");
    String mount =
        c.getVolumeMounts().stream()
            .filter(m -> m.getName().equals("gateway-token"))
            .findFirst()
            .orElseThrow()
            .getMountPath();
    assertThat(tokenFile).startsWith(mount + "/");
    assertThat(
            pod.getVolumes().stream()
                .filter(v -> v.getName().equals("gateway-token"))
                .findFirst()
                .orElseThrow()
                .getSecret())
        .satisfies(
            s -> {
              assertThat(s.getSecretName()).isEqualTo("kubernaut-gateway-token");
              assertThat(s.getOptional()).isNotEqualTo(Boolean.TRUE);
            });
    assertThat(c.getPorts()).extracting(p -> p.getContainerPort()).contains(8080, 8081);
  }

  @Test
  void theGatewayServiceExposesTheSignalPortAndItsMetricsAreScraped() {
    List<Service> services =
        DeployManifests.load(BASE.resolve("gateway-service.yaml")).stream()
            .map(Service.class::cast)
            .toList();

    assertThat(services)
        .extracting(s -> s.getMetadata().getName())
        .containsExactlyInAnyOrder("kubernaut-gateway", "kubernaut-gateway-metrics");
    Service metrics =
        services.stream()
            .filter(s -> s.getMetadata().getName().endsWith("-metrics"))
            .findFirst()
            .orElseThrow();
    assertThat(metrics.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/component", "metrics");
    assertThat(metrics.getSpec().getPorts().get(0).getName()).isEqualTo("http-metrics");
  }

  @Test
  void theBaseKustomizationListsEveryGatewayManifest() throws IOException {
    String kustomization = Files.readString(BASE.resolve("kustomization.yaml"));

    try (var files = Files.list(BASE)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("gateway-"))
          .forEach(n -> assertThat(kustomization).contains("- " + n));
    }
  }

  private static String env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }
}
