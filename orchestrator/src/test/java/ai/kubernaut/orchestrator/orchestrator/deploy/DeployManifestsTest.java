package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every manifest under deploy/ parses, and the kustomize overlays build into what we expect. */
class DeployManifestsTest {

  @Test
  void everyManifestUnderDeployParsesIntoNamedObjects() {
    List<Path> files = DeployManifests.manifestFiles();

    assertThat(files)
        .extracting(p -> DeployManifests.deploy().relativize(p).toString())
        .contains(
            "base/deployment.yaml",
            "base/clusterrole.yaml",
            "monitoring/prometheusrule.yaml",
            "temporal/search-attributes-job.yaml",
            "overlays/prod/kustomization.yaml");
    for (Path file : files) {
      List<HasMetadata> objects = DeployManifests.load(file);
      assertThat(objects).as(file.toString()).isNotEmpty();
      for (HasMetadata o : objects) {
        assertThat(o.getApiVersion()).as(file + " apiVersion").isNotBlank();
        assertThat(o.getKind()).as(file + " kind").isNotBlank();
        if (!"Kustomization".equals(o.getKind())) {
          assertThat(o.getMetadata().getName()).as(file + " metadata.name").isNotBlank();
        }
      }
    }
  }

  @Test
  void knownKindsParseAsTypedObjects() {
    Path base = DeployManifests.deploy().resolve("base");

    assertThat(DeployManifests.load(base.resolve("deployment.yaml")))
        .singleElement()
        .isInstanceOf(Deployment.class);
    assertThat(DeployManifests.load(base.resolve("clusterrole.yaml")))
        .singleElement()
        .isInstanceOf(ClusterRole.class);
    assertThat(DeployManifests.load(base.resolve("role-leader-election.yaml")))
        .singleElement()
        .isInstanceOf(Role.class);
    assertThat(
            DeployManifests.load(
                DeployManifests.deploy().resolve("temporal/search-attributes-job.yaml")))
        .singleElement()
        .isInstanceOf(Job.class);
  }

  @Test
  void grafanaDashboardIsJsonWithPanelsAndQueries() throws IOException {
    String json =
        Files.readString(
            DeployManifests.deploy().resolve("monitoring/dashboards/kubernaut-orchestrator.json"));

    Map<?, ?> dashboard = DeployManifests.SERIALIZATION.unmarshal(json, Map.class);

    assertThat(dashboard.get("uid")).isEqualTo("kubernaut-orchestrator");
    assertThat((List<?>) dashboard.get("panels")).hasSizeGreaterThan(20);
    assertThat(MetricNames.inGrafanaDashboard(json)).hasSizeGreaterThan(20);
  }

  @Test
  void prodOverlayBuildsWithTwoReplicasAPinnedImageTlsAndMonitoring() {
    Optional<Path> kubectl = DeployManifests.kubectl();
    assumeThat(kubectl).as("kubectl is not installed: kustomize overlays not built").isPresent();

    List<HasMetadata> prod = DeployManifests.kustomize(kubectl.get(), "overlays/prod");

    Deployment deployment = DeployManifests.only(prod, Deployment.class, "kubernaut-orchestrator");
    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    assertThat(image).contains(":").doesNotEndWith(":latest").doesNotContain("SNAPSHOT");
    assertThat(image.substring(image.lastIndexOf(':') + 1)).isNotBlank();
    ConfigMap config = DeployManifests.only(prod, ConfigMap.class, "kubernaut-orchestrator");
    assertThat(config.getData())
        .containsEntry("TEMPORAL_TLS", "true")
        .containsEntry("KUBERNAUT_LOG_FORMAT", "json")
        .containsKeys("TEMPORAL_TLS_CLIENT_CERT_PATH", "TEMPORAL_TLS_CLIENT_KEY_PATH");
    assertThat(prod)
        .filteredOn(o -> o instanceof GenericKubernetesResource)
        .extracting(HasMetadata::getKind)
        .contains("ServiceMonitor", "PrometheusRule");
    assertThat(RestrictedPodSecurity.violations(deployment.getSpec().getTemplate().getSpec()))
        .isEmpty();
    assertEveryNamespacedObjectIn(prod, "kubernaut-system");
  }

  @Test
  void devOverlayBuildsWithOneReplica() {
    Optional<Path> kubectl = DeployManifests.kubectl();
    assumeThat(kubectl).as("kubectl is not installed: kustomize overlays not built").isPresent();

    List<HasMetadata> dev = DeployManifests.kustomize(kubectl.get(), "overlays/dev");

    Deployment deployment = DeployManifests.only(dev, Deployment.class, "kubernaut-orchestrator");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .endsWith(":dev");
    assertEveryNamespacedObjectIn(dev, "kubernaut-system");
  }

  @Test
  void shutdownGraceFitsInTheTerminationGracePeriod() {
    Path base = DeployManifests.deploy().resolve("base");
    Deployment deployment =
        (Deployment) DeployManifests.load(base.resolve("deployment.yaml")).get(0);
    ConfigMap config = (ConfigMap) DeployManifests.load(base.resolve("configmap.yaml")).get(0);

    long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
    String shutdown = config.getData().get("KUBERNAUT_SHUTDOWN_GRACE_PERIOD");

    assertThat(shutdown).endsWith("s");
    assertThat(Long.parseLong(shutdown.replace("s", ""))).isLessThan(grace - 5);
  }

  private static void assertEveryNamespacedObjectIn(List<HasMetadata> objects, String namespace) {
    for (HasMetadata o : objects) {
      boolean clusterScoped =
          List.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition")
              .contains(o.getKind());
      if (!clusterScoped) {
        assertThat(o.getMetadata().getNamespace())
            .as(o.getKind() + " " + o.getMetadata().getName() + " namespace")
            .isEqualTo(namespace);
      }
    }
  }
}
