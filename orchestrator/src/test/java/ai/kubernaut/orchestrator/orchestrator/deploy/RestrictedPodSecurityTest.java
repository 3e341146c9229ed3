package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

/** The orchestrator's pods meet the "restricted" Pod Security Standard, field by field. */
class RestrictedPodSecurityTest {

  @Test
  void deploymentMeetsTheRestrictedStandard() {
    Deployment deployment =
        (Deployment)
            DeployManifests.load(DeployManifests.deploy().resolve("base/deployment.yaml")).get(0);
    PodTemplateSpec template = deployment.getSpec().getTemplate();

    assertThat(
            RestrictedPodSecurity.violations(
                template.getMetadata().getAnnotations(), template.getSpec()))
        .isEmpty();
  }

  @Test
  void deploymentSecurityFieldsAreSetExplicitly() {
    Deployment deployment =
        (Deployment)
            DeployManifests.load(DeployManifests.deploy().resolve("base/deployment.yaml")).get(0);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    var ctx = pod.getContainers().get(0).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
    assertThat(ctx.getAllowPrivilegeEscalation()).isFalse();
    assertThat(ctx.getPrivileged()).isFalse();
    assertThat(ctx.getReadOnlyRootFilesystem()).isTrue();
    assertThat(ctx.getRunAsNonRoot()).isTrue();
    assertThat(ctx.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(ctx.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(ctx.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getVolumes()).extracting(Volume::getHostPath).containsOnlyNulls();
    assertThat(pod.getVolumes())
        .allSatisfy(v -> assertThat(v.getEmptyDir() != null || v.getSecret() != null).isTrue());
  }

  @Test
  void searchAttributeJobMeetsTheRestrictedStandard() {
    Job job =
        (Job)
            DeployManifests.load(
                    DeployManifests.deploy().resolve("temporal/search-attributes-job.yaml"))
                .get(0);

    assertThat(RestrictedPodSecurity.violations(job.getSpec().getTemplate().getSpec())).isEmpty();
  }

  @Test
  void reportsEachViolationOfAPrivilegedPod() {
    PodSpec pod =
        new PodSpecBuilder()
            .withHostNetwork(true)
            .addNewVolume()
            .withName("host")
            .withNewHostPath()
            .withPath("/var/run")
            .endHostPath()
            .endVolume()
            .addNewContainer()
            .withName("app")
            .withNewSecurityContext()
            .withPrivileged(true)
            .withNewCapabilities()
            .addToAdd("SYS_ADMIN")
            .endCapabilities()
            .endSecurityContext()
            .endContainer()
            .build();

    assertThat(RestrictedPodSecurity.violations(pod))
        .anyMatch(s -> s.contains("hostNetwork"))
        .anyMatch(s -> s.contains("volume host has type hostPath"))
        .anyMatch(s -> s.contains("privileged must not be true"))
        .anyMatch(s -> s.contains("allowPrivilegeEscalation must be false"))
        .anyMatch(s -> s.contains("runAsNonRoot must be true"))
        .anyMatch(s -> s.contains("seccompProfile"))
        .anyMatch(s -> s.contains("capabilities.drop must contain ALL"))
        .anyMatch(s -> s.contains("capability SYS_ADMIN"))
        .anyMatch(s -> s.contains("readOnlyRootFilesystem"));
  }
}
