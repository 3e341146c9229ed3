package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubectlIT {

  static KubernetesApiStandIn api;
  static Kubectl kubectl;
  @TempDir static Path home;
  String ns;

  @BeforeAll
  static void start() {
    Optional<Path> binary = Kubectl.find();
    Assumptions.assumeTrue(binary.isPresent(), "kubectl not found on PATH: skipping kubectl tests");
    api = TestWidgets.startStandIn();
    kubectl = new Kubectl(binary.get(), api.writeKubeconfig(home.resolve("kubeconfig")));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @BeforeEach
  void namespace() {
    ns = TestWidgets.uniqueNamespace(api);
  }

  private void running(String name) {
    GenericKubernetesResource w =
        widgets(api.client()).inNamespace(ns).resource(widget(ns, name)).create();
    w.setAdditionalProperty("status", Map.of("phase", "Running", "attempts", 1));
    widgets(api.client()).inNamespace(ns).resource(w).updateStatus();
  }

  @Test
  void getsAllNamespacesWithThePrinterColumns() {
    running("w1");

    Kubectl.Result result = kubectl.run("get", "wd", "-A");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().findFirst().orElse(""))
        .containsSubsequence("NAMESPACE", "NAME", "PHASE", "TARGET", "ATTEMPTS", "AGE")
        .doesNotContain("FINGERPRINT");
    assertThat(result.stdout()).containsPattern(ns + "\\s+w1\\s+Running\\s+web-1\\s+1\\s+\\d+s");
  }

  @Test
  void showsPriorityColumnsWithWideOutput() {
    running("w1");

    Kubectl.Result result = kubectl.run("get", "wd", "-n", ns, "-o", "wide");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().findFirst().orElse(""))
        .containsSubsequence("NAME", "PHASE", "TARGET", "ATTEMPTS", "AGE", "FINGERPRINT");
    assertThat(result.stdout()).contains("abc123");
  }

  @Test
  void printsAFieldWithJsonPath() {
    running("w1");

    Kubectl.Result result =
        kubectl.run("get", "wd", "w1", "-n", ns, "-o", "jsonpath={.status.phase}");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo("Running");
  }

  @Test
  void describesAnObject() {
    running("w1");

    Kubectl.Result result = kubectl.run("describe", "wd", "w1", "-n", ns);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("Name:")
        .contains("w1")
        .contains("Namespace:")
        .contains("Running");
  }

  @Test
  void createsAndDeletesFromAFile() throws IOException {
    Path file = home.resolve("w2.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "apiVersion: test.kubernaut.ai/v1alpha1",
            "kind: Widget",
            "metadata:",
            "  name: w2",
            "  namespace: " + ns,
            "spec:",
            "  target:",
            "    name: db-0",
            ""));

    Kubectl.Result created = kubectl.run("create", "--validate=false", "-f", file.toString());
    GenericKubernetesResource stored = widgets(api.client()).inNamespace(ns).withName("w2").get();
    Kubectl.Result deleted = kubectl.run("delete", "wd", "w2", "-n", ns);

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout()).contains("widget.test.kubernaut.ai/w2 created");
    assertThat(stored).isNotNull();
    assertThat(deleted.exitCode()).as(deleted.stderr()).isZero();
    assertThat(deleted.stdout()).contains("widget.test.kubernaut.ai \"w2\" deleted");
    assertThat(widgets(api.client()).inNamespace(ns).withName("w2").get()).isNull();
  }

  @Test
  void listsTheApiResources() {
    Kubectl.Result result = kubectl.run("api-resources", "--api-group=test.kubernaut.ai");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .containsPattern("widgets\\s+wd\\s+test.kubernaut.ai/v1alpha1\\s+true\\s+Widget");
  }
}
