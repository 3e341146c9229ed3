package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.controllerRef;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.gadget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.gadgets;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarbageCollectionIT {

  static KubernetesApiStandIn api;
  static KubernetesClient client;
  String ns;

  @BeforeAll
  static void start() {
    api = TestWidgets.startStandIn();
    client = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = TestWidgets.uniqueNamespace(api);
  }

  private GenericKubernetesResource owner(String name) {
    return widgets(client).inNamespace(ns).resource(widget(ns, name)).create();
  }

  private GenericKubernetesResource child(String name, OwnerReference... owners) {
    GenericKubernetesResource child = gadget(ns, name);
    child.getMetadata().setOwnerReferences(List.of(owners));
    return gadgets(client).inNamespace(ns).resource(child).create();
  }

  @Test
  void deletesControlledChildrenInTheBackgroundOnceTheOwnerIsGone() {
    GenericKubernetesResource rr = owner("rr-1");
    child("sp-rr-1", controllerRef(rr));
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cm-rr-1")
                .withOwnerReferences(controllerRef(rr))
                .endMetadata()
                .build())
        .create();
    child("unrelated");

    widgets(client).inNamespace(ns).withName("rr-1").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(gadgets(client).inNamespace(ns).withName("sp-rr-1").get()).isNull();
              assertThat(client.configMaps().inNamespace(ns).withName("cm-rr-1").get()).isNull();
            });
    assertThat(gadgets(client).inNamespace(ns).withName("unrelated").get()).isNotNull();
  }

  @Test
  void cascadesToGrandchildren() {
    GenericKubernetesResource rr = owner("rr-1");
    GenericKubernetesResource child = child("child", controllerRef(rr));
    child("grandchild", controllerRef(child));

    widgets(client).inNamespace(ns).withName("rr-1").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(gadgets(client).inNamespace(ns).list().getItems()).isEmpty());
  }

  @Test
  void waitsForTheOwnerToBeRemovedBeforeCollecting() {
    GenericKubernetesResource rr = widget(ns, "rr-1");
    rr.getMetadata().setFinalizers(List.of("kubernaut.ai/remediation-orchestrator"));
    rr = widgets(client).inNamespace(ns).resource(rr).create();
    child("sp-rr-1", controllerRef(rr));

    widgets(client).inNamespace(ns).withName("rr-1").delete();
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(gadgets(client).inNamespace(ns).withName("sp-rr-1").get()).isNotNull());
    widgets(client)
        .inNamespace(ns)
        .withName("rr-1")
        .edit(
            o -> {
              o.getMetadata().setFinalizers(List.of());
              return o;
            });

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(gadgets(client).inNamespace(ns).withName("sp-rr-1").get()).isNull());
  }

  @Test
  void respectsFinalizersOnChildren() {
    GenericKubernetesResource rr = owner("rr-1");
    GenericKubernetesResource child = gadget(ns, "child");
    child.getMetadata().setOwnerReferences(List.of(controllerRef(rr)));
    child.getMetadata().setFinalizers(List.of("test/keep"));
    gadgets(client).inNamespace(ns).resource(child).create();

    widgets(client).inNamespace(ns).withName("rr-1").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        gadgets(client)
                            .inNamespace(ns)
                            .withName("child")
                            .get()
                            .getMetadata()
                            .getDeletionTimestamp())
                    .isNotNull());
    gadgets(client)
        .inNamespace(ns)
        .withName("child")
        .edit(
            o -> {
              o.getMetadata().setFinalizers(List.of());
              return o;
            });
    assertThat(gadgets(client).inNamespace(ns).withName("child").get()).isNull();
  }

  @Test
  void keepsAChildThatStillHasAnotherLiveOwner() {
    GenericKubernetesResource first = owner("rr-1");
    GenericKubernetesResource second = owner("rr-2");
    OwnerReference secondRef = controllerRef(second);
    secondRef.setController(false);
    child("shared", controllerRef(first), secondRef);
    child("marker", controllerRef(first));

    widgets(client).inNamespace(ns).withName("rr-1").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(gadgets(client).inNamespace(ns).withName("marker").get()).isNull());
    assertThat(gadgets(client).inNamespace(ns).withName("shared").get()).isNotNull();
  }

  @Test
  void doesNotCollectObjectsInOtherNamespaces() {
    GenericKubernetesResource rr = owner("rr-1");
    String other = TestWidgets.uniqueNamespace(api);
    GenericKubernetesResource foreign = gadget(other, "foreign");
    foreign.getMetadata().setOwnerReferences(List.of(controllerRef(rr)));
    gadgets(client).inNamespace(other).resource(foreign).create();
    child("marker", controllerRef(rr));

    widgets(client).inNamespace(ns).withName("rr-1").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(gadgets(client).inNamespace(ns).withName("marker").get()).isNull());
    assertThat(gadgets(client).inNamespace(other).withName("foreign").get()).isNotNull();
  }
}
