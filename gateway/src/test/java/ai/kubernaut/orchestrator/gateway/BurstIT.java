package ai.kubernaut.orchestrator.gateway;

import static ai.kubernaut.orchestrator.gateway.Alerts.alert;
import static ai.kubernaut.orchestrator.gateway.Alerts.group;
import static ai.kubernaut.orchestrator.gateway.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A burst of 500 alerts over 50 fingerprints, sent concurrently in random order, gives exactly 50
 * RemediationRequests whose occurrence counts add up to 500.
 */
class BurstIT {

  static final int FINGERPRINTS = 50;
  static final int PER_FINGERPRINT = 10;

  @Test
  void fiveHundredAlertsOverFiftyFingerprintsGiveFiftyRequestsCountingFiveHundred()
      throws Exception {
    try (KubernetesApiStandIn api = KubernetesApiStandIn.start()) {
      String ns = api.createNamespace("burst");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Gateway gateway =
          Gateway.start(
              GatewayConfig.defaults(0, ns).withRateLimit(0, 1),
              api.client(),
              registry,
              null,
              Clock.systemUTC(),
              Duration.ofSeconds(30))) {
        ExecutorService senders = Executors.newFixedThreadPool(16);
        GatewayClient client = new GatewayClient(gateway.port(), null);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < FINGERPRINTS; i++) {
          for (int k = 0; k < PER_FINGERPRINT; k++) {
            bodies.add(json(group(alert("BurstAlert" + (i % 5), "shop", "web-" + i))));
          }
        }
        Collections.shuffle(bodies);

        long start = System.nanoTime();
        List<Future<Integer>> calls = new ArrayList<>();
        for (String body : bodies) {
          calls.add(senders.submit(() -> client.postAlerts(body).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
          statuses.add(call.get());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
            "burst: %d alerts over %d fingerprints answered in %d ms%n",
            bodies.size(), FINGERPRINTS, took.toMillis());

        assertThat(statuses).containsOnly(200);
        List<RemediationRequest> rrs =
            api.client().resources(RemediationRequest.class).inNamespace(ns).list().getItems();
        assertThat(rrs).hasSize(FINGERPRINTS);
        assertThat(rrs.stream().mapToInt(RemediationRequests::occurrences).sum())
            .isEqualTo(FINGERPRINTS * PER_FINGERPRINT);
        assertThat(rrs)
            .allSatisfy(
                r -> assertThat(RemediationRequests.occurrences(r)).isEqualTo(PER_FINGERPRINT));
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        senders.shutdownNow();
      }
    }
  }
}
