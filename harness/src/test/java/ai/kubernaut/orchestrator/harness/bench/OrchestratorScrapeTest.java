package ai.kubernaut.orchestrator.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesRequestMetrics;
import ai.kubernaut.orchestrator.orchestrator.metrics.MeterRegistries;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class OrchestratorScrapeTest {

  @Test
  void readsTheRequestsTheOrchestratorCountedAndItsHeap() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    KubernetesRequestMetrics requests = new KubernetesRequestMetrics().bindTo(registry);

    send(requests, "PUT", "/apis/kubernaut.ai/v1alpha1/namespaces/a/remediationrequests/r/status");
    send(requests, "PUT", "/apis/kubernaut.ai/v1alpha1/namespaces/b/remediationrequests/s/status");
    send(requests, "POST", "/api/v1/namespaces/a/events");
    send(requests, "GET", "/apis/kubernaut.ai/v1alpha1/remediationrequests?watch=true");
    send(requests, "GET", "/version");
    String text = registry.scrape();

    assertThat(OrchestratorScrape.requests(text))
        .containsEntry(new ApiCall("update", "kubernaut.ai", "remediationrequests", "status"), 2L)
        .containsEntry(ApiCall.of("create", "", "events"), 1L)
        .containsEntry(ApiCall.of("watch", "kubernaut.ai", "remediationrequests"), 1L)
        .hasSize(3);
    assertThat(OrchestratorScrape.heapUsed(text)).isPositive();
  }

  @Test
  void countsNothingBeforeARegistryIsBound() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    KubernetesRequestMetrics requests = new KubernetesRequestMetrics();

    send(requests, "POST", "/api/v1/namespaces/a/events");
    requests.bindTo(registry);

    assertThat(OrchestratorScrape.requests(registry.scrape())).isEmpty();
  }

  private static void send(KubernetesRequestMetrics requests, String method, String path) {
    requests.before(
        null,
        new StandardHttpRequest.Builder()
            .uri("https://127.0.0.1:6443" + path)
            .method(method, "application/json", method.equals("GET") ? null : "{}")
            .build(),
        null);
  }
}
