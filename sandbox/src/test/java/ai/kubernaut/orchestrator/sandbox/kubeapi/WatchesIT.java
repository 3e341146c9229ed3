package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchesIT {

  static KubernetesApiStandIn api;
  String ns;

  @BeforeAll
  static void start() {
    api = TestWidgets.startStandIn();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = TestWidgets.uniqueNamespace(api);
  }

  @Test
  void deliversAddedModifiedAndDeletedEvents() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (KubernetesClient client = api.newClient();
        Watch watch =
            widgets(client)
                .inNamespace(ns)
                .watch(
                    new Watcher<>() {
                      @Override
                      public void eventReceived(Action action, GenericKubernetesResource resource) {
                        events.add(action + " " + resource.getMetadata().getName());
                      }

                      @Override
                      public void onClose(WatcherException cause) {}
                    })) {
      await().atMost(Duration.ofSeconds(5)).until(() -> api.openWatches() > 0);
      GenericKubernetesResource w =
          widgets(client).inNamespace(ns).resource(widget(ns, "w1")).create();
      widgets(client)
          .inNamespace(ns)
          .withName("w1")
          .edit(
              o -> {
                o.getMetadata().setLabels(java.util.Map.of("a", "b"));
                return o;
              });
      widgets(client).inNamespace(ns).resource(w).delete();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(events).containsExactly("ADDED w1", "MODIFIED w1", "DELETED w1"));
    }
  }

  @Test
  void dropsOpenWatchesAndInformersReconnect() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (KubernetesClient client = api.newClient()) {
      SharedIndexInformer<GenericKubernetesResource> informer =
          widgets(client)
              .inNamespace(ns)
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource obj) {
                      seen.add(obj.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(
                        GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {}

                    @Override
                    public void onDelete(
                        GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {}
                  });
      try {
        await().atMost(Duration.ofSeconds(5)).until(() -> api.openWatches() > 0);

        int dropped = api.dropWatches();
        widgets(client).inNamespace(ns).resource(widget(ns, "after-drop")).create();

        assertThat(dropped).isPositive();
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> {
                  assertThat(seen).contains("after-drop");
                  assertThat(api.openWatches()).isPositive();
                });
      } finally {
        informer.close();
      }
    }
  }

  /**
   * A write served while dropped watches are still closing must not reach a closing watch's stopped
   * send queue (that request would fail or hang).
   */
  @Test
  void writesRightAfterWatchesDropAllSucceed() {
    List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
    try (KubernetesClient client = api.newClient(b -> b.withRequestTimeout(3_000))) {
      for (int i = 0; i < 10; i++) {
        informers.add(widgets(client).inNamespace(ns).inform());
      }
      for (int round = 0; round < 10; round++) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.openWatches() >= 10);

        api.dropWatches();
        for (int i = 0; i < 5; i++) {
          widgets(client).inNamespace(ns).resource(widget(ns, "w-" + round + "-" + i)).create();
        }
      }

      assertThat(widgets(client).inNamespace(ns).list().getItems()).hasSize(50);
    } finally {
      informers.forEach(SharedIndexInformer::close);
    }
  }

  @Test
  void streamsAWatchOverPlainHttpAsTablesWhenAskedAndEndsItAtTheTimeout() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    int openBefore = api.openWatches();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest watch =
        HttpRequest.newBuilder(
                URI.create(
                    api.url()
                        + "/apis/test.kubernaut.ai/v1alpha1/namespaces/"
                        + ns
                        + "/widgets?watch=true&timeoutSeconds=3"))
            .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
            .build();

    CompletableFuture<HttpResponse<Void>> done =
        http.sendAsync(watch, HttpResponse.BodyHandlers.ofLines())
            .thenApply(
                response -> {
                  response.body().forEach(lines::add);
                  return null;
                });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(api.openWatches()).isGreaterThan(openBefore));
    widgets(api.client()).inNamespace(ns).resource(widget(ns, "w1")).create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(lines)
                    .anySatisfy(
                        l ->
                            assertThat(l)
                                .contains("\"type\":\"ADDED\"")
                                .contains("\"kind\":\"Table\"")
                                .contains("\"w1\"")));
    done.get(10, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(api.openWatches()).isEqualTo(openBefore));
  }
}
