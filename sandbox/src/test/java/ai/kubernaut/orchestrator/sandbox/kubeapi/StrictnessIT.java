package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StrictnessIT {

  static KubernetesApiStandIn api;
  static KubernetesClient client;
  static RawHttp http;
  String ns;

  @BeforeAll
  static void start() {
    api = TestWidgets.startStandIn();
    client = api.client();
    http = new RawHttp(api.url());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = TestWidgets.uniqueNamespace(api);
  }

  private GenericKubernetesResource create(String name) {
    return widgets(client).inNamespace(ns).resource(widget(ns, name)).create();
  }

  private String path(String name) {
    return "/apis/test.kubernaut.ai/v1alpha1/namespaces/" + ns + "/widgets/" + name;
  }

  private static GenericKubernetesResource withStatus(
      GenericKubernetesResource object, Map<String, Object> status) {
    GenericKubernetesResource copy = io.fabric8.kubernetes.client.utils.Serialization.clone(object);
    copy.setAdditionalProperty("status", status);
    return copy;
  }

  @Test
  void assignsUidCreationTimestampGenerationAndResourceVersionOnCreate() {
    GenericKubernetesResource created = create("w1");

    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(Instant.parse(created.getMetadata().getCreationTimestamp()))
        .isBeforeOrEqualTo(Instant.now());
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
  }

  @Test
  void refusesAStatusUpdateWithAStaleResourceVersion() {
    GenericKubernetesResource stale = create("w1");
    widgets(client)
        .inNamespace(ns)
        .resource(withStatus(stale, Map.of("phase", "Running")))
        .updateStatus();

    assertThatThrownBy(
            () ->
                widgets(client)
                    .inNamespace(ns)
                    .resource(withStatus(stale, Map.of("phase", "Failed")))
                    .updateStatus())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getMessage()).contains("the object has been modified");
            });
    assertThat(
            widgets(client)
                .inNamespace(ns)
                .withName("w1")
                .get()
                .getAdditionalProperties()
                .get("status"))
        .isEqualTo(Map.of("phase", "Running"));
  }

  @Test
  void refusesAMainResourceUpdateWithAStaleResourceVersion() {
    GenericKubernetesResource stale = create("w1");
    GenericKubernetesResource fresh = io.fabric8.kubernetes.client.utils.Serialization.clone(stale);
    fresh.getMetadata().setLabels(Map.of("a", "1"));
    widgets(client).inNamespace(ns).resource(fresh).update();

    stale.getMetadata().setLabels(Map.of("a", "2"));
    assertThatThrownBy(() -> widgets(client).inNamespace(ns).resource(stale).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void acceptsAStatusUpdateWithTheCurrentResourceVersionAndIgnoresSpecChangesInIt() {
    GenericKubernetesResource current = create("w1");
    GenericKubernetesResource update = withStatus(current, Map.of("phase", "Running"));
    update.setAdditionalProperty("spec", Map.of("fingerprint", "changed"));

    GenericKubernetesResource updated =
        widgets(client).inNamespace(ns).resource(update).updateStatus();

    assertThat(updated.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Running"));
    assertThat(updated.getAdditionalProperties().get("spec").toString()).contains("abc123");
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(current.getMetadata().getResourceVersion()));
  }

  @Test
  void ignoresStatusInAMainResourceUpdateAndBumpsGenerationOnlyForSpecChanges() {
    GenericKubernetesResource current = create("w1");
    widgets(client)
        .inNamespace(ns)
        .resource(withStatus(current, Map.of("phase", "Running")))
        .updateStatus();
    GenericKubernetesResource latest = widgets(client).inNamespace(ns).withName("w1").get();

    GenericKubernetesResource labelled =
        io.fabric8.kubernetes.client.utils.Serialization.clone(latest);
    labelled.getMetadata().setLabels(Map.of("team", "sre"));
    labelled.setAdditionalProperty("status", Map.of("phase", "Hacked"));
    GenericKubernetesResource afterLabel =
        widgets(client).inNamespace(ns).resource(labelled).update();

    GenericKubernetesResource respecced =
        io.fabric8.kubernetes.client.utils.Serialization.clone(afterLabel);
    respecced.setAdditionalProperty("spec", Map.of("fingerprint", "new"));
    GenericKubernetesResource afterSpec =
        widgets(client).inNamespace(ns).resource(respecced).update();

    assertThat(afterLabel.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Running"));
    assertThat(afterLabel.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(afterSpec.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void appliesAMergePatchToStatusAndRemovesFieldsPatchedToNull() {
    create("w1");
    http.mergePatch(
        path("w1") + "/status", "{\"status\":{\"phase\":\"Running\",\"message\":\"hi\"}}");

    RawHttp.Reply reply =
        http.mergePatch(path("w1") + "/status", "{\"status\":{\"message\":null}}");

    assertThat(reply.status()).isBetween(200, 299);
    GenericKubernetesResource stored = widgets(client).inNamespace(ns).withName("w1").get();
    assertThat(stored.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Running"));
  }

  @Test
  void keepsAStatusRequestAStatusRequestWhenItHasAQueryString() {
    GenericKubernetesResource current = create("w1");
    GenericKubernetesResource update = withStatus(current, Map.of("phase", "Running"));
    update.setAdditionalProperty("spec", Map.of("fingerprint", "changed"));
    String body = io.fabric8.kubernetes.client.utils.Serialization.asJson(update);

    RawHttp.Reply put = http.put(path("w1") + "/status?fieldManager=orchestrator", body);
    RawHttp.Reply patch =
        http.mergePatch(
            path("w1") + "/status?fieldManager=orchestrator",
            "{\"status\":{\"attempts\":2},\"spec\":{\"fingerprint\":\"patched\"}}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(patch.status()).isBetween(200, 299);
    GenericKubernetesResource stored = widgets(client).inNamespace(ns).withName("w1").get();
    assertThat(stored.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Running", "attempts", 2));
    assertThat(stored.getAdditionalProperties().get("spec").toString()).contains("abc123");
  }

  @Test
  void refusesDryRunWritesInsteadOfApplyingThem() {
    GenericKubernetesResource current = create("w1");

    RawHttp.Reply reply =
        http.put(
            path("w1") + "/status?dryRun=All",
            io.fabric8.kubernetes.client.utils.Serialization.asJson(
                withStatus(current, Map.of("phase", "Running"))));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("dryRun is not supported");
    assertThat(widgets(client).inNamespace(ns).withName("w1").get().getAdditionalProperties())
        .doesNotContainKey("status");
  }

  @Test
  void refusesSetBasedLabelSelectorsLoudly() {
    RawHttp.Reply reply =
        http.get(
            "/apis/test.kubernaut.ai/v1alpha1/namespaces/"
                + ns
                + "/widgets?labelSelector=env%20in%20(prod,dev)");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("set-based").contains("env in (prod,dev)");
    assertThatThrownBy(
            () -> widgets(client).inNamespace(ns).withLabelIn("env", "prod", "dev").list())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(400));
  }

  @Test
  void evaluatesEqualityAndExistenceLabelSelectors() {
    GenericKubernetesResource a = widget(ns, "a");
    a.getMetadata().setLabels(Map.of("env", "prod"));
    GenericKubernetesResource b = widget(ns, "b");
    b.getMetadata().setLabels(Map.of("env", "dev"));
    widgets(client).inNamespace(ns).resource(a).create();
    widgets(client).inNamespace(ns).resource(b).create();
    widgets(client).inNamespace(ns).resource(widget(ns, "c")).create();

    assertThat(names(widgets(client).inNamespace(ns).withLabel("env").list().getItems()))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(names(widgets(client).inNamespace(ns).withoutLabel("env").list().getItems()))
        .containsExactly("c");
    assertThat(names(widgets(client).inNamespace(ns).withLabel("env", "prod").list().getItems()))
        .containsExactly("a");
    assertThat(
            names(widgets(client).inNamespace(ns).withLabelSelector("env!=prod").list().getItems()))
        .containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void refusesUnsupportedFieldSelectorsLoudly() {
    RawHttp.Reply reply =
        http.get(
            "/apis/test.kubernaut.ai/v1alpha1/namespaces/"
                + ns
                + "/widgets?fieldSelector=status.phase%3DRunning");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("field label not supported: status.phase");
  }

  @Test
  void evaluatesMetadataNameFieldSelectors() {
    create("a");
    create("b");

    assertThat(
            names(
                widgets(client).inNamespace(ns).withField("metadata.name", "b").list().getItems()))
        .containsExactly("b");
  }

  @Test
  void refusesANewFinalizerOnAnObjectBeingDeleted() {
    GenericKubernetesResource w = widget(ns, "w1");
    w.getMetadata().setFinalizers(List.of("kubernaut.ai/first"));
    widgets(client).inNamespace(ns).resource(w).create();
    widgets(client).inNamespace(ns).withName("w1").delete();
    GenericKubernetesResource deleting = widgets(client).inNamespace(ns).withName("w1").get();

    deleting.getMetadata().setFinalizers(List.of("kubernaut.ai/first", "kubernaut.ai/second"));

    assertThatThrownBy(() -> widgets(client).inNamespace(ns).resource(deleting).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getMessage())
                  .contains("no new finalizers can be added if the object is being deleted")
                  .contains("kubernaut.ai/second");
            });
  }

  @Test
  void marksDeletionWithAnRfc3339TimestampAndRemovesTheObjectWithItsLastFinalizer() {
    GenericKubernetesResource w = widget(ns, "w1");
    w.getMetadata().setFinalizers(List.of("kubernaut.ai/first"));
    widgets(client).inNamespace(ns).resource(w).create();

    widgets(client).inNamespace(ns).withName("w1").delete();
    GenericKubernetesResource deleting = widgets(client).inNamespace(ns).withName("w1").get();
    widgets(client)
        .inNamespace(ns)
        .withName("w1")
        .edit(
            o -> {
              o.getMetadata().setFinalizers(List.of());
              return o;
            });

    assertThat(Instant.parse(deleting.getMetadata().getDeletionTimestamp()))
        .isBeforeOrEqualTo(Instant.now());
    assertThat(widgets(client).inNamespace(ns).withName("w1").get()).isNull();
  }

  @Test
  void keepsTheDeletionTimestampWhenAnUpdateLeavesItOut() {
    GenericKubernetesResource w = widget(ns, "w1");
    w.getMetadata().setFinalizers(List.of("kubernaut.ai/first"));
    widgets(client).inNamespace(ns).resource(w).create();
    widgets(client).inNamespace(ns).withName("w1").delete();
    GenericKubernetesResource deleting = widgets(client).inNamespace(ns).withName("w1").get();

    deleting.getMetadata().setDeletionTimestamp(null);
    deleting.getMetadata().setLabels(Map.of("x", "y"));
    GenericKubernetesResource updated = widgets(client).inNamespace(ns).resource(deleting).update();

    assertThat(updated.getMetadata().getDeletionTimestamp()).isNotNull();
  }

  @Test
  void answersNotFoundForAKindWhoseCrdIsNotInstalled() {
    RawHttp.Reply reply = http.get("/apis/nowhere.example.com/v1/namespaces/" + ns + "/things");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).contains("CustomResourceDefinition");
  }

  private static List<String> names(List<GenericKubernetesResource> items) {
    return items.stream().map(i -> i.getMetadata().getName()).toList();
  }
}
