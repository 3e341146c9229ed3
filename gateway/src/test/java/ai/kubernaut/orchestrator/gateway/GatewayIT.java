package ai.kubernaut.orchestrator.gateway;

import static ai.kubernaut.orchestrator.gateway.Alerts.alert;
import static ai.kubernaut.orchestrator.gateway.Alerts.group;
import static ai.kubernaut.orchestrator.gateway.Alerts.json;
import static ai.kubernaut.orchestrator.gateway.Alerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.gateway.signal.Fingerprints;
import ai.kubernaut.orchestrator.gateway.signal.Signal;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Gateway against the sandbox's Kubernetes API stand-in: creation, dedup, cooldown, storm. */
class GatewayIT {

  static KubernetesApiStandIn api;
  String ns;
  SimpleMeterRegistry registry;
  final List<Gateway> gateways = new ArrayList<>();

  @BeforeAll
  static void startApi() {
    api = KubernetesApiStandIn.start();
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = api.createNamespace("gw-" + UUID.randomUUID().toString().substring(0, 8));
    registry = new SimpleMeterRegistry();
  }

  @AfterEach
  void stopGateways() {
    gateways.forEach(Gateway::close);
  }

  @Test
  void createsOneLabelledRemediationRequestForAFiringAlert() throws Exception {
    GatewayClient client = start(GatewayConfig.defaults(0, ns));

    GatewayClient.Answer answer = client.postAlerts(json(group(alert("KubePodCrashLooping"))));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    String fp =
        Fingerprints.of(
            "KubePodCrashLooping", new Signal.Target("Deployment", "web", "shop", "apps/v1"));
    assertThat(answer.body().path("results").get(0).path("outcome").asString())
        .isEqualTo("created");
    assertThat(answer.body().path("results").get(0).path("remediationRequest").asString())
        .isEqualTo(ns + "/rr-" + fp.substring(0, 12) + "-1");
    RemediationRequest rr = only();
    assertThat(rr.getMetadata().getName()).isEqualTo("rr-" + fp.substring(0, 12) + "-1");
    assertThat(rr.getMetadata().getLabels())
        .containsEntry(RemediationRequests.FINGERPRINT_LABEL, fp.substring(0, 63))
        .containsEntry(RemediationRequests.SIGNAL_NAME_LABEL, "KubePodCrashLooping")
        .containsEntry(RemediationRequests.TARGET_KIND_LABEL, "Deployment")
        .containsEntry(RemediationRequests.TARGET_NAME_LABEL, "web")
        .containsEntry(RemediationRequests.TARGET_NAMESPACE_LABEL, "shop")
        .containsEntry(RemediationRequests.MANAGED_BY_LABEL, "kubernaut-gateway");
    var spec = rr.getSpec();
    assertThat(spec.getSignalFingerprint()).isEqualTo(fp).hasSize(64);
    assertThat(spec.getSignalName()).isEqualTo("KubePodCrashLooping");
    assertThat(spec.getSeverity()).isEqualTo("critical");
    assertThat(spec.getSignalSource()).isEqualTo("alertmanager");
    assertThat(spec.getTargetResource().getKind()).isEqualTo("Deployment");
    assertThat(spec.getTargetResource().getApiVersion()).isEqualTo("apps/v1");
    assertThat(spec.getFiringTime()).isEqualTo("2026-01-01T10:00:00.123456789Z");
    assertThat(spec.getSignalLabels()).containsEntry("deployment", "web");
    assertThat(spec.getSignalAnnotations()).containsKey("summary");
    assertThat(spec.getProviderData())
        .contains("\"receiver\":\"kubernaut\"")
        .contains("\"externalURL\"");
    assertThat(spec.getOriginalPayload()).contains("KubePodCrashLooping");
    assertThat(spec.getDeduplication().getOccurrenceCount()).isEqualTo(1);
  }

  @Test
  void countsRepeatsOnTheActiveRequestInsteadOfCreatingAnother() throws Exception {
    GatewayClient client = start(GatewayConfig.defaults(0, ns));

    for (int i = 0; i < 4; i++) {
      assertThat(client.postAlerts(json(group(alert("HighLatency")))).status()).isEqualTo(200);
    }

    RemediationRequest rr = only();
    assertThat(rr.getStatus().getDeduplication().getOccurrenceCount()).isEqualTo(4);
    assertThat(rr.getStatus().getDeduplication().getIsDuplicate()).isTrue();
    assertThat(rr.getStatus().getDeduplication().getFirstSeen())
        .isEqualTo(rr.getSpec().getDeduplication().getFirstSeen());
    assertThat(count(GatewayMetrics.DEDUPLICATED)).isEqualTo(3);
    assertThat(count(GatewayMetrics.CREATED)).isEqualTo(1);
  }

  @Test
  void recordsAResolvedAlertAndStartsNothing() throws Exception {
    GatewayClient client = start(GatewayConfig.defaults(0, ns));

    GatewayClient.Answer answer = client.postAlerts(json(group(resolved(alert("DiskFull")))));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("results").get(0).path("outcome").asString())
        .isEqualTo("resolved");
    assertThat(rrs()).isEmpty();
    assertThat(count(GatewayMetrics.RESOLVED)).isEqualTo(1);
  }

  @Test
  void suppressesANewFiringDuringTheCooldownAfterTheRequestEnded() throws Exception {
    GatewayClient client = start(GatewayConfig.defaults(0, ns));
    client.postAlerts(json(group(alert("OOMKilled"))));
    complete(only(), Instant.now());

    GatewayClient.Answer answer = client.postAlerts(json(group(alert("OOMKilled"))));

    assertThat(answer.body().path("results").get(0).path("outcome").asString())
        .isEqualTo("suppressed");
    assertThat(answer.body().path("results").get(0).path("message").asString())
        .contains("no new remediation before");
    assertThat(rrs()).hasSize(1);
    assertThat(registry.find(GatewayMetrics.SUPPRESSED).tag("reason", "cooldown").counter().count())
        .isEqualTo(1);
  }

  @Test
  void startsTheNextRemediationOnceTheCooldownHasPassed() throws Exception {
    GatewayClient client = start(GatewayConfig.defaults(0, ns).withCooldown(Duration.ofMinutes(5)));
    client.postAlerts(json(group(alert("OOMKilled"))));
    RemediationRequest first = only();
    complete(first, Instant.now().minus(Duration.ofMinutes(6)));

    GatewayClient.Answer answer = client.postAlerts(json(group(alert("OOMKilled"))));

    assertThat(answer.body().path("results").get(0).path("outcome").asString())
        .isEqualTo("created");
    RemediationRequest second =
        rrs().stream()
            .filter(r -> r.getMetadata().getName().endsWith("-2"))
            .findFirst()
            .orElseThrow();
    assertThat(second.getSpec().getDeduplication().getPreviousRemediationRequestRef())
        .isEqualTo(first.getMetadata().getName());
  }

  @Test
  void twoReplicasRacingOnOneAlertCreateOneRequestAndCountBoth() throws Exception {
    GatewayClient a = start(GatewayConfig.defaults(0, ns));
    GatewayClient b = start(GatewayConfig.defaults(0, ns));
    String body = json(group(alert("Race")));
    CyclicBarrier barrier = new CyclicBarrier(2);

    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (GatewayClient c : List.of(a, b)) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  barrier.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return c.postAlerts(body).status();
              }));
    }

    assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
    RemediationRequest rr = only();
    assertThat(RemediationRequests.occurrences(rr)).isEqualTo(2);
  }

  @Test
  void aWarningEventCreatesARequestAndANormalEventIsIgnored() throws Exception {
    GatewayClient client = start(GatewayConfig.defaults(0, ns));
    String warning =
        """
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"web-1.17a","namespace":"shop"},
         "type":"Warning","reason":"BackOff","message":"Back-off restarting failed container",
         "involvedObject":{"kind":"Pod","name":"web-1","namespace":"shop","apiVersion":"v1"},
         "firstTimestamp":"2026-01-01T10:00:00Z","count":5,"source":{"component":"kubelet"}}
        """;

    GatewayClient.Answer created =
        client.post(GatewayHttpServer.KUBERNETES_EVENT_PATH, warning, Map.of());
    GatewayClient.Answer ignored =
        client.post(
            GatewayHttpServer.KUBERNETES_EVENT_PATH,
            warning.replace("Warning", "Normal").replace("BackOff", "Pulled"),
            Map.of());

    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    assertThat(ignored.body().path("results").get(0).path("outcome").asString())
        .isEqualTo("ignored");
    RemediationRequest rr = only();
    assertThat(rr.getSpec().getSignalName()).isEqualTo("BackOff");
    assertThat(rr.getSpec().getSignalSource()).isEqualTo("kubernetes-event");
    assertThat(rr.getSpec().getTargetResource().getKind()).isEqualTo("Pod");
    assertThat(rr.getSpec().getSignalAnnotations())
        .containsEntry("message", "Back-off restarting failed container");
  }

  @Test
  void marksRequestsOfOneRuleFiringOnManyTargetsAsAStorm() throws Exception {
    GatewayConfig base = GatewayConfig.defaults(0, ns);
    GatewayClient client =
        start(
            new GatewayConfig(
                0,
                ns,
                null,
                base.maxBodyBytes(),
                0,
                1,
                base.cooldown(),
                3,
                Duration.ofMinutes(1),
                List.of()));

    for (int i = 0; i < 4; i++) {
      client.postAlerts(json(group(alert("NodeDown", "shop", "web-" + i))));
    }

    List<RemediationRequest> all = rrs();
    assertThat(all).hasSize(4);
    assertThat(all.stream().filter(r -> Boolean.TRUE.equals(r.getSpec().getIsStorm())))
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.getSpec().getStormType()).isEqualTo("rate");
              assertThat(r.getSpec().getStormWindow()).isEqualTo("1m0s");
              assertThat(r.getSpec().getStormAlertCount()).isGreaterThanOrEqualTo(3);
            });
  }

  @Test
  void readsTheTargetFromAUserRuleBeforeTheDefaults() throws Exception {
    GatewayConfig base = GatewayConfig.defaults(0, ns);
    GatewayClient client =
        start(
            new GatewayConfig(
                0,
                ns,
                null,
                base.maxBodyBytes(),
                0,
                1,
                base.cooldown(),
                0,
                Duration.ofMinutes(1),
                List.of(
                    ai.kubernaut.orchestrator.gateway.signal.TargetMapping.parseRule(
                        "rollout=argoproj.io/v1alpha1/Rollout"))));

    client.postAlerts(json(group(Alerts.withLabel(alert("CanaryFailing"), "rollout", "web"))));

    assertThat(only().getSpec().getTargetResource().getKind()).isEqualTo("Rollout");
    assertThat(only().getSpec().getTargetResource().getApiVersion())
        .isEqualTo("argoproj.io/v1alpha1");
  }

  private GatewayClient start(GatewayConfig config) throws Exception {
    Gateway gateway =
        Gateway.start(
            config.withRateLimit(0, 1),
            api.client(),
            registry,
            null,
            Clock.systemUTC(),
            Duration.ofSeconds(30));
    gateways.add(gateway);
    return new GatewayClient(gateway.port(), null);
  }

  /** What the orchestrator would write when the remediation ends. */
  private void complete(RemediationRequest rr, Instant at) {
    RemediationRequest fresh =
        api.client()
            .resources(RemediationRequest.class)
            .inNamespace(ns)
            .withName(rr.getMetadata().getName())
            .get();
    RemediationRequestStatus status =
        fresh.getStatus() == null ? new RemediationRequestStatus() : fresh.getStatus();
    status.setOverallPhase(RemediationPhase.COMPLETED);
    status.setCompletionTime(at.toString());
    fresh.setStatus(status);
    api.client().resource(fresh).updateStatus();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gateways.stream().allMatch(Gateway::isReady));
  }

  private double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private List<RemediationRequest> rrs() {
    return api.client().resources(RemediationRequest.class).inNamespace(ns).list().getItems();
  }

  private RemediationRequest only() {
    List<RemediationRequest> all = rrs();
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
