package ai.kubernaut.orchestrator.orchestrator.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.metrics.MeterRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsHttpServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private PrometheusMeterRegistry registry;
  private Readiness readiness;
  private OpsHttpServer server;

  @BeforeEach
  void start() throws Exception {
    registry = MeterRegistries.prometheus();
    readiness = new Readiness(Duration.ofMillis(500));
    server = OpsHttpServer.start(0, registry, readiness);
  }

  @AfterEach
  void stop() {
    server.close();
    readiness.close();
    registry.close();
  }

  @Test
  void servesPrometheusTextWithJvmAndOwnMeters() throws Exception {
    registry
        .counter("kubernaut_remediationorchestrator_phase_transitions", "to_phase", "Completed")
        .increment();

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(OpsHttpServer.PROMETHEUS_TEXT);
    assertThat(response.body())
        .contains(
            "kubernaut_remediationorchestrator_phase_transitions_total{to_phase=\"Completed\"} 1.0")
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
  }

  @Test
  void healthzIsOkWhileTheProcessRuns() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void readyzIsOkOnlyWhenEveryCheckPasses() throws Exception {
    AtomicBoolean synced = new AtomicBoolean(false);
    readiness.add(ReadinessCheck.of("temporal", () -> true));
    readiness.add(ReadinessCheck.of("informers", synced::get));

    HttpResponse<String> notReady = get("/readyz");
    synced.set(true);
    HttpResponse<String> ready = get("/readyz");

    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("[+]temporal ok").contains("[-]informers not ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("[+]informers ok").endsWith("ready\n");
  }

  @Test
  void readyzWithoutChecksIsNotReady() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void unknownPathIs404AndPostIs405() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }
}
