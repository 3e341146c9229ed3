package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
  void createsFromAFileWithoutTurningValidationOff() throws IOException {
    Path file = home.resolve("w3.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "apiVersion: test.kubernaut.ai/v1alpha1",
            "kind: Widget",
            "metadata:",
            "  name: w3",
            "  namespace: " + ns,
            "spec:",
            "  target:",
            "    name: db-0",
            ""));

    Kubectl.Result created = kubectl.run("create", "-f", file.toString());

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout()).contains("widget.test.kubernaut.ai/w3 created");
  }

  @Test
  void listsTheApiResources() {
    Kubectl.Result result = kubectl.run("api-resources", "--api-group=test.kubernaut.ai");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .containsPattern("widgets\\s+wd\\s+test.kubernaut.ai/v1alpha1\\s+true\\s+Widget");
  }

  @Test
  void createsAndListsANamespaceWithTheBuiltInShortName() {
    String name = ns + "-acme";

    Kubectl.Result created = kubectl.run("create", "ns", name);
    Kubectl.Result listed = kubectl.run("get", "ns");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout()).contains("namespace/" + name + " created");
    assertThat(listed.exitCode()).as(listed.stderr()).isZero();
    assertThat(listed.stdout().lines().findFirst().orElse(""))
        .containsSubsequence("NAME", "STATUS", "AGE");
    assertThat(listed.stdout()).containsPattern(name + "\\s+Active\\s+\\d+s");
  }

  @Test
  void showsEventsWithTheServerColumns() {
    running("w1");
    api.client()
        .v1()
        .events()
        .inNamespace(ns)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("w1.1")
                .endMetadata()
                .withType("Normal")
                .withReason("PhaseChanged")
                .withMessage("Pending -> Running")
                .withNewInvolvedObject()
                .withKind("Widget")
                .withName("w1")
                .withNamespace(ns)
                .endInvolvedObject()
                .withFirstTimestamp(Instant.now().toString())
                .withLastTimestamp(Instant.now().toString())
                .withCount(1)
                .build())
        .create();

    Kubectl.Result result = kubectl.run("get", "events", "-n", ns);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().findFirst().orElse(""))
        .containsSubsequence("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
    assertThat(result.stdout())
        .containsPattern("\\d+s\\s+Normal\\s+PhaseChanged\\s+widget/w1\\s+Pending -> Running");
  }

  @Test
  void watchesChangesWithGetW() {
    running("w1");

    try (Kubectl.Running watch = kubectl.start("get", "wd", "-n", ns, "-w")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(watch.output()).contains("w1"));
      GenericKubernetesResource w = widgets(api.client()).inNamespace(ns).withName("w1").get();
      w.setAdditionalProperty("status", Map.of("phase", "Done", "attempts", 2));
      widgets(api.client()).inNamespace(ns).resource(w).updateStatus();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(watch.output()).containsPattern("w1\\s+Done\\s+web-1\\s+2"));
      assertThat(watch.process().isAlive()).as("kubectl get -w keeps watching").isTrue();
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void failsAtOnceWithAClearMessageForARequestItCannotRead() {
    long start = System.nanoTime();

    Kubectl.Result result =
        kubectl.run("create", "configmap", "settings", "-n", ns, "--from-literal=a=b");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr())
        .contains("application/vnd.kubernetes.protobuf")
        .contains("kubectl create -f");
  }
}
