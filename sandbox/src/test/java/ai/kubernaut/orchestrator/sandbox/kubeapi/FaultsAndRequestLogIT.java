package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsAndRequestLogIT {

  static KubernetesApiStandIn api;
  static RawHttp http;
  String ns;

  @BeforeAll
  static void start() {
    api = TestWidgets.startStandIn();
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

  @AfterEach
  void clearFaults() {
    api.faults().clear();
  }

  private String configMaps() {
    return "/api/v1/namespaces/" + ns + "/configmaps";
  }

  @Test
  void answersTheChosenStatusForAsManyRequestsAsAsked() {
    FaultRule rule =
        api.faults()
            .add(FaultRule.on("GET", "/api/v1/namespaces/[^/]+/configmaps").respond(503).times(2));

    int first = http.get(configMaps()).status();
    int second = http.get(configMaps()).status();
    int third = http.get(configMaps()).status();

    assertThat(first).isEqualTo(503);
    assertThat(second).isEqualTo(503);
    assertThat(third).isEqualTo(200);
    assertThat(rule.hits()).isEqualTo(2);
  }

  @Test
  void answersTooManyRequestsWithRetryAfter() {
    api.faults()
        .add(FaultRule.on("GET", "/api/v1/.*").respond(429).retryAfter(Duration.ofMillis(1500)));

    RawHttp.Reply reply = http.get(configMaps());

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isEqualTo("2");
    assertThat(reply.body()).contains("\"reason\":\"TooManyRequests\"");
  }

  @Test
  void answersUnprocessableWithAStatusBodyAndDoesNotApplyTheWrite() {
    api.faults()
        .add(
            FaultRule.on("POST", "/api/v1/namespaces/[^/]+/configmaps")
                .respond(422, "spec.x: Invalid value"));

    RawHttp.Reply reply =
        http.post(
            configMaps(),
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body()).contains("\"kind\":\"Status\"").contains("spec.x: Invalid value");
    assertThat(api.client().configMaps().inNamespace(ns).withName("c").get()).isNull();
  }

  @Test
  void delaysTheAnswerButAppliesTheRequest() {
    api.faults()
        .add(
            FaultRule.on("POST", "/api/v1/namespaces/[^/]+/configmaps")
                .delay(Duration.ofMillis(700)));

    long start = System.nanoTime();
    RawHttp.Reply reply =
        http.post(
            configMaps(),
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(650));
    assertThat(api.client().configMaps().inNamespace(ns).withName("c").get()).isNotNull();
  }

  @Test
  void stopsApplyingARemovedRule() {
    FaultRule rule =
        api.faults().add(FaultRule.onAnyMethod("/api/v1/namespaces/[^/]+/configmaps").respond(500));
    assertThat(http.get(configMaps()).status()).isEqualTo(500);

    api.faults().remove(rule);

    assertThat(http.get(configMaps()).status()).isEqualTo(200);
  }

  @Test
  void appliesAProbabilisticRuleReproduciblyForAGivenSeed() {
    api.faults().reseed(7);
    api.faults()
        .add(
            FaultRule.on("GET", "/api/v1/namespaces/[^/]+/configmaps")
                .respond(500)
                .probability(0.5));
    String first =
        IntStream.range(0, 20)
            .mapToObj(i -> String.valueOf(http.get(configMaps()).status()))
            .reduce("", String::concat);
    api.faults().reseed(7);

    String second =
        IntStream.range(0, 20)
            .mapToObj(i -> String.valueOf(http.get(configMaps()).status()))
            .reduce("", String::concat);

    assertThat(first).isEqualTo(second).contains("500").contains("200");
  }

  @Test
  void letsTheFabric8ClientRecoverFromTransientServerErrors() {
    api.faults()
        .add(FaultRule.on("GET", "/api/v1/namespaces/[^/]+/configmaps/c").respond(503).times(2));
    api.client()
        .configMaps()
        .inNamespace(ns)
        .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
        .create();

    assertThat(api.client().configMaps().inNamespace(ns).withName("c").get()).isNotNull();
  }

  @Test
  void recordsEachCallAsAnRbacVerbOnAGroupResourceAndSubresource() {
    try (KubernetesClient client = api.newClient()) {
      api.requestLog().clear();
      GenericKubernetesResource w =
          widgets(client).inNamespace(ns).resource(widget(ns, "w1")).create();
      widgets(client).inNamespace(ns).withName("w1").get();
      widgets(client).inNamespace(ns).list();
      w.setAdditionalProperty("status", Map.of("phase", "Running"));
      widgets(client).inNamespace(ns).resource(w).updateStatus();
      widgets(client)
          .inNamespace(ns)
          .withName("w1")
          .edit(
              o -> {
                o.getMetadata().setLabels(Map.of("a", "b"));
                return o;
              });
      widgets(client).inNamespace(ns).withName("w1").delete();
      client.events().v1().events().inNamespace(ns).list();
    }

    Map<ApiCall, Long> calls = api.requestLog().calls();

    assertThat(calls)
        .containsKeys(
            ApiCall.of("create", "test.kubernaut.ai", "widgets"),
            ApiCall.of("get", "test.kubernaut.ai", "widgets"),
            ApiCall.of("list", "test.kubernaut.ai", "widgets"),
            new ApiCall("update", "test.kubernaut.ai", "widgets", "status"),
            ApiCall.of("patch", "test.kubernaut.ai", "widgets"),
            ApiCall.of("delete", "test.kubernaut.ai", "widgets"),
            ApiCall.of("list", "events.k8s.io", "events"));
    assertThat(api.requestLog().count(ApiCall.of("create", "test.kubernaut.ai", "widgets")))
        .isEqualTo(1);
    assertThat(calls.keySet()).allMatch(c -> !c.verb().isEmpty());
  }

  @Test
  void separatesTheCallsOfEachClientByUserAgent() {
    api.requestLog().clear();
    try (KubernetesClient orchestrator =
            api.newClient(b -> b.withUserAgent("orchestrator-test/1"));
        KubernetesClient other = api.newClient(b -> b.withUserAgent("someone-else/1"))) {
      widgets(orchestrator).inNamespace(ns).resource(widget(ns, "mine")).create();
      widgets(other).inNamespace(ns).withName("mine").get();
    }

    Map<ApiCall, Long> mine = api.requestLog().callsFrom("orchestrator-test/");

    assertThat(mine).containsOnlyKeys(ApiCall.of("create", "test.kubernaut.ai", "widgets"));
    assertThat(api.requestLog().callsFrom("someone-else/"))
        .containsOnlyKeys(ApiCall.of("get", "test.kubernaut.ai", "widgets"));
    assertThat(api.requestLog().calls()).containsKeys(mine.keySet().toArray(ApiCall[]::new));
  }
}
