package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.cli.GatewayCommand;
import ai.kubernaut.orchestrator.orchestrator.config.GatewayServiceConfig;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code gateway} command's process on its own (no Temporal): from its command line and a
 * kubeconfig, it serves signals on the gateway port with the token, metrics and probes on the ops
 * port, and creates an RR under its own user agent.
 */
class GatewayAppIT {

  @TempDir Path dir;

  @Test
  void theGatewayCommandServesSignalsMetricsAndProbes() throws Exception {
    try (KubernetesApiStandIn api = KubernetesApiStandIn.start()) {
      api.createNamespace("alerts");
      Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
      Path token = Files.writeString(dir.resolve("token"), "app-it-token");
      int gatewayPort = TestSupport.freePort();
      GatewayCommand command = new GatewayCommand(c -> 0);
      new CommandLine(command)
          .parseArgs(
              "--kubeconfig=" + kubeconfig,
              "--gateway-port=" + gatewayPort,
              "--gateway-namespace=alerts",
              "--gateway-token-file=" + token,
              "--http-port=0",
              "--shutdown-grace-period=2s");
      GatewayServiceConfig config = command.toConfig();

      try (GatewayApp app = new GatewayApp(config)) {
        app.start();
        String ops = "http://127.0.0.1:" + app.httpPort();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> get(ops + "/readyz").statusCode() == 200);

        HttpResponse<String> unauthenticated = post(gatewayPort, null);
        HttpResponse<String> created = post(gatewayPort, "app-it-token");

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("\"outcome\":\"created\"", "alerts/rr-");
        assertThat(
                api.client()
                    .resources(RemediationRequest.class)
                    .inNamespace("alerts")
                    .list()
                    .getItems())
            .hasSize(1);
        assertThat(get(ops + "/metrics").body())
            .contains("kubernaut_gateway_remediationrequests_total{source=\"alertmanager\"} 1.0")
            .contains("kubernaut_gateway_requests_rejected_total{reason=\"missing_token\"} 1.0");
        assertThat(api.requestLog().callsFrom("kubernaut-gateway/")).isNotEmpty();
      }
    }
  }

  private static HttpResponse<String> post(int port, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/signals/alertmanager"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"version":"4","status":"firing","alerts":[{"status":"firing",
                     "labels":{"alertname":"AppProbe","namespace":"shop","statefulset":"db"}}]}
                    """));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
