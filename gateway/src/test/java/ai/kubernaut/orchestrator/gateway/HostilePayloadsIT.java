package ai.kubernaut.orchestrator.gateway;

import static ai.kubernaut.orchestrator.gateway.Alerts.alert;
import static ai.kubernaut.orchestrator.gateway.Alerts.group;
import static ai.kubernaut.orchestrator.gateway.Alerts.json;
import static ai.kubernaut.orchestrator.gateway.Alerts.withLabel;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests: each gets a 4xx whose JSON body names the reason, nothing is
 * created, the gateway keeps serving, and {@code kubernaut_gateway_requests_rejected_total{reason}}
 * counts every one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostilePayloadsIT {

  static final String TOKEN = "s3cret-token-for-tests";
  static final String NS = "hostile";

  @TempDir static Path dir;
  static KubernetesApiStandIn api;
  static Gateway gateway;
  static SimpleMeterRegistry registry = new SimpleMeterRegistry();
  static GatewayClient client;
  static final Map<String, Integer> expectedRejections = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    api = KubernetesApiStandIn.start();
    api.createNamespace(NS);
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    GatewayConfig config =
        GatewayConfig.defaults(0, NS).withTokenFile(tokenFile).withRateLimit(0, 1);
    gateway =
        Gateway.start(
            config, api.client(), registry, null, Clock.systemUTC(), Duration.ofSeconds(30));
    client = new GatewayClient(gateway.port(), TOKEN);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (api != null) {
      api.close();
    }
  }

  record Case(
      String name,
      String path,
      String body,
      Map<String, String> headers,
      int status,
      String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case alerts(String name, String body, String reason) {
    return new Case(name, GatewayHttpServer.ALERTMANAGER_PATH, body, Map.of(), 400, reason);
  }

  static Case alertsWithLabel(String name, String key, Object value, String reason) {
    return alerts(name, json(group(withLabel(alert("Hostile"), key, value))), reason);
  }

  static Stream<Arguments> hostile() {
    String valid = json(group(alert("Hostile")));
    List<Case> cases = new ArrayList<>();
    cases.add(alerts("not JSON", "this is not json", "malformed_json"));
    cases.add(alerts("truncated JSON", valid.substring(0, valid.length() / 2), "malformed_json"));
    cases.add(alerts("empty body", "", "empty_body"));
    cases.add(alerts("JSON array", "[1,2,3]", "invalid_payload"));
    cases.add(alerts("JSON string", "\"alerts\"", "invalid_payload"));
    cases.add(alerts("JSON null", "null", "invalid_payload"));
    cases.add(alerts("no version", valid.replace("\"version\":\"4\",", ""), "unsupported_version"));
    cases.add(
        alerts(
            "version 3",
            valid.replace("\"version\":\"4\"", "\"version\":\"3\""),
            "unsupported_version"));
    cases.add(
        alerts(
            "numeric version",
            valid.replace("\"version\":\"4\"", "\"version\":4"),
            "unsupported_version"));
    cases.add(
        alerts("no alerts field", json(withoutKey(group(alert("x")), "alerts")), "missing_field"));
    cases.add(
        alerts(
            "alerts not an array",
            json(withKey(group(), "alerts", Map.of("a", 1))),
            "invalid_field"));
    cases.add(alerts("empty alerts", json(group(List.of())), "no_alerts"));
    cases.add(
        alerts("alert is a number", json(group(List.of())).replace("[]", "[42]"), "invalid_field"));
    cases.add(alertsWithLabel("missing alertname", "alertname", null, "missing_alertname"));
    cases.add(alertsWithLabel("empty alertname", "alertname", "", "missing_alertname"));
    cases.add(
        alertsWithLabel("alertname too long", "alertname", "A".repeat(300), "value_too_long"));
    cases.add(alertsWithLabel("label value is a number", "severity", 3, "invalid_labels"));
    cases.add(
        alertsWithLabel(
            "label value is an object", "severity", Map.of("a", "b"), "invalid_labels"));
    cases.add(alertsWithLabel("label name with a dash", "bad-name", "x", "invalid_labels"));
    cases.add(alertsWithLabel("huge label value", "summary", "x".repeat(5000), "value_too_long"));
    cases.add(
        alertsWithLabel("namespace not a DNS label", "namespace", "Bad_NS!", "invalid_target"));
    cases.add(alertsWithLabel("namespace too long", "namespace", "n".repeat(64), "invalid_target"));
    cases.add(alertsWithLabel("deployment with uppercase", "deployment", "Web", "invalid_target"));
    cases.add(
        alertsWithLabel(
            "deployment with a slash", "deployment", "../etc/passwd", "invalid_target"));
    cases.add(
        alertsWithLabel("deployment with a space", "deployment", "web app", "invalid_target"));
    cases.add(
        alertsWithLabel(
            "deployment name too long", "deployment", "d".repeat(254), "invalid_target"));
    cases.add(
        alertsWithLabel("namespaced kind without namespace", "namespace", null, "missing_target"));
    cases.add(
        alerts(
            "no target label at all",
            json(
                group(
                    withLabel(withLabel(alert("Hostile"), "namespace", null), "deployment", null))),
            "missing_target"));
    cases.add(
        alerts(
            "status unknown",
            valid.replace("\"status\":\"firing\",\"labels\"", "\"status\":\"exploded\",\"labels\""),
            "invalid_status"));
    cases.add(
        alerts(
            "startsAt not a timestamp",
            valid.replace("2026-01-01T10:00:00.123456789Z", "yesterday"),
            "invalid_timestamp"));
    cases.add(
        alerts(
            "labels is an array",
            json(group(withKey(alert("Hostile"), "labels", List.of("alertname")))),
            "invalid_field"));
    cases.add(alerts("too many labels", json(group(manyLabels())), "too_many_labels"));
    cases.add(alerts("too many alerts", json(group(tooManyAlerts())), "too_many_alerts"));
    cases.add(
        alerts(
            "deeply nested JSON",
            "{\"version\":\"4\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "malformed_json"));
    cases.add(
        alerts(
            "one bad alert among good ones",
            json(
                group(
                    alert("Good1"),
                    withLabel(alert("Bad"), "namespace", "NOPE"),
                    alert("Good2", "shop", "api"))),
            "invalid_target"));
    cases.add(
        new Case(
            "no token",
            GatewayHttpServer.ALERTMANAGER_PATH,
            valid,
            Map.of("Authorization", ""),
            401,
            "missing_token"));
    cases.add(
        new Case(
            "wrong token",
            GatewayHttpServer.ALERTMANAGER_PATH,
            valid,
            Map.of("Authorization", "Bearer not-the-token"),
            401,
            "invalid_token"));
    cases.add(
        new Case(
            "token with a suffix",
            GatewayHttpServer.ALERTMANAGER_PATH,
            valid,
            Map.of("Authorization", "Bearer " + TOKEN + "x"),
            401,
            "invalid_token"));
    cases.add(
        new Case(
            "basic auth instead of bearer",
            GatewayHttpServer.ALERTMANAGER_PATH,
            valid,
            Map.of("Authorization", "Basic dXNlcjpwYXNz"),
            401,
            "invalid_token"));
    cases.add(
        new Case(
            "XML content type",
            GatewayHttpServer.ALERTMANAGER_PATH,
            "<alerts/>",
            Map.of("Content-Type", "application/xml"),
            415,
            "unsupported_media_type"));
    cases.add(
        new Case(
            "body over the size limit",
            GatewayHttpServer.ALERTMANAGER_PATH,
            "{\"version\":\"4\",\"pad\":\""
                + "x".repeat(GatewayConfig.DEFAULT_MAX_BODY_BYTES)
                + "\"}",
            Map.of(),
            413,
            "payload_too_large"));
    cases.add(
        new Case("unknown endpoint", "/api/v1/signals/datadog", valid, Map.of(), 404, "not_found"));
    cases.add(
        new Case(
            "event: not JSON",
            GatewayHttpServer.KUBERNETES_EVENT_PATH,
            "{oops",
            Map.of(),
            400,
            "malformed_json"));
    cases.add(
        new Case(
            "event: no involvedObject",
            GatewayHttpServer.KUBERNETES_EVENT_PATH,
            "{\"type\":\"Warning\",\"reason\":\"BackOff\"}",
            Map.of(),
            400,
            "missing_field"));
    cases.add(
        new Case(
            "event: bad type",
            GatewayHttpServer.KUBERNETES_EVENT_PATH,
            "{\"type\":\"Critical\",\"reason\":\"BackOff\"}",
            Map.of(),
            400,
            "invalid_field"));
    cases.add(
        new Case(
            "event: object name invalid",
            GatewayHttpServer.KUBERNETES_EVENT_PATH,
            "{\"type\":\"Warning\",\"reason\":\"BackOff\",\"involvedObject\":{\"kind\":\"Pod\","
                + "\"name\":\"NOT VALID\",\"namespace\":\"shop\"}}",
            Map.of(),
            400,
            "invalid_target"));
    return cases.stream().map(Arguments::of);
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void turnsAwayWithTheReason(Case c) {
    expectedRejections.merge(c.reason(), 1, Integer::sum);
    assertThat(GatewayMetrics.REJECTION_REASONS).contains(c.reason());

    GatewayClient.Answer answer = client.post(c.path(), c.body(), c.headers());

    assertThat(answer.status()).as(answer.raw()).isEqualTo(c.status());
    assertThat(answer.reason()).as(answer.raw()).isEqualTo(c.reason());
    assertThat(answer.message()).isNotBlank().doesNotContain(TOKEN);
    assertThat(rrs()).isEmpty();
  }

  @Order(2)
  @Test
  void answers405ToAGet() {
    expectedRejections.merge("method_not_allowed", 1, Integer::sum);

    GatewayClient.Answer answer =
        client.send(
            HttpRequest.newBuilder(URI.create(client.base() + GatewayHttpServer.ALERTMANAGER_PATH))
                .GET()
                .build());

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.reason()).isEqualTo("method_not_allowed");
  }

  @Order(3)
  @Test
  void rateLimitsOneSourceWith429() throws Exception {
    try (Gateway limited =
        Gateway.start(
            GatewayConfig.defaults(0, NS).withRateLimit(1, 2),
            api.client(),
            new SimpleMeterRegistry(),
            null,
            Clock.systemUTC(),
            Duration.ofSeconds(30))) {
      GatewayClient c = new GatewayClient(limited.port(), null);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        statuses.add(c.postAlerts("not json").status());
      }

      assertThat(statuses).startsWith(400, 400).contains(429);
      assertThat(rrs()).isEmpty();
    }
  }

  @Order(4)
  @Test
  void keepsServingAndCountedEveryRejection() {
    GatewayClient.Answer ok = client.postAlerts(json(group(alert("StillServing"))));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(rrs()).hasSize(1);
    expectedRejections.forEach(
        (reason, count) -> {
          Counter counter = registry.find(GatewayMetrics.REJECTED).tag("reason", reason).counter();
          assertThat(counter).as("rejected{reason=%s}", reason).isNotNull();
          assertThat(counter.count()).as("rejected{reason=%s}", reason).isEqualTo((double) count);
        });
    assertThat(expectedRejections.values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(30);
  }

  private static List<RemediationRequest> rrs() {
    return api.client().resources(RemediationRequest.class).inNamespace(NS).list().getItems();
  }

  private static Map<String, Object> withKey(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, Object> withoutKey(Map<String, Object> map, String key) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.remove(key);
    return copy;
  }

  private static Map<String, Object> manyLabels() {
    Map<String, Object> a = alert("Hostile");
    for (int i = 0; i < 70; i++) {
      a = withLabel(a, "l" + i, "v");
    }
    return a;
  }

  private static List<Map<String, Object>> tooManyAlerts() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      list.add(alert("Many", "shop", "web-" + i));
    }
    return list;
  }
}
