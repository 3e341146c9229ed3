package ai.kubernaut.orchestrator.gateway.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetMappingTest {

  @Test
  void prefersTheWorkloadOverThePodAndThePodOverTheNode() {
    Signal.Target target =
        TargetMapping.defaults()
            .targetOf(
                Map.of("namespace", "shop", "pod", "web-1", "node", "n1", "deployment", "web"));

    assertThat(target).isEqualTo(new Signal.Target("Deployment", "web", "shop", "apps/v1"));
  }

  @Test
  void neverTakesPrometheusScrapeJobLabelForAJob() {
    assertThat(
            TargetMapping.defaults()
                .targetOf(Map.of("namespace", "shop", "pod", "web-1", "job", "kube-state-metrics")))
        .isEqualTo(new Signal.Target("Pod", "web-1", "shop", "v1"));
  }

  @Test
  void readsAClusterScopedNodeWithoutANamespace() {
    assertThat(TargetMapping.defaults().targetOf(Map.of("node", "worker-3")))
        .isEqualTo(new Signal.Target("Node", "worker-3", null, "v1"));
  }

  @Test
  void fallsBackToTheNamespaceItself() {
    assertThat(TargetMapping.defaults().targetOf(Map.of("namespace", "shop")))
        .isEqualTo(new Signal.Target("Namespace", "shop", null, "v1"));
  }

  @Test
  void checksUserRulesBeforeTheDefaults() {
    TargetMapping mapping =
        TargetMapping.withExtraRules(
            List.of(TargetMapping.parseRule("rollout=argoproj.io/v1alpha1/Rollout")));

    assertThat(mapping.targetOf(Map.of("namespace", "shop", "rollout", "web", "pod", "web-1")))
        .isEqualTo(new Signal.Target("Rollout", "web", "shop", "argoproj.io/v1alpha1"));
  }

  @Test
  void parsesRulesWithScopeAndWellKnownApiVersions() {
    assertThat(TargetMapping.parseRule("instance_node=Node"))
        .isEqualTo(new TargetMapping.Rule("instance_node", "Node", "v1", true));
    assertThat(TargetMapping.parseRule("db=example.com/v1/Database:cluster"))
        .isEqualTo(new TargetMapping.Rule("db", "Database", "example.com/v1", true));
    assertThat(TargetMapping.parseRule("app=Deployment").render())
        .isEqualTo("app=apps/v1/Deployment");
  }

  @Test
  void refusesMalformedRulesNamingThePart() {
    assertThatThrownBy(() -> TargetMapping.parseRule("rollout")).hasMessageContaining("label=");
    assertThatThrownBy(() -> TargetMapping.parseRule("bad-label=Pod"))
        .hasMessageContaining("label name");
    assertThatThrownBy(() -> TargetMapping.parseRule("x=rollout")).hasMessageContaining("kind");
    assertThatThrownBy(() -> TargetMapping.parseRule("x=Not Valid/v1/Kind"))
        .hasMessageContaining("apiVersion");
  }

  @Test
  void refusesNamesThatAreNotKubernetesNames() {
    assertThatThrownBy(
            () -> TargetMapping.defaults().targetOf(Map.of("namespace", "shop", "pod", "Web_1")))
        .isInstanceOf(InvalidSignalException.class)
        .hasMessageContaining("label 'pod' value 'Web_1' is not a valid Kubernetes name");
    assertThatThrownBy(() -> TargetMapping.defaults().targetOf(Map.of("pod", "web-1")))
        .hasMessageContaining("label 'namespace' is missing");
    assertThatThrownBy(() -> TargetMapping.defaults().targetOf(Map.of("alertname", "x")))
        .hasMessageContaining("no label names the target resource");
  }
}
