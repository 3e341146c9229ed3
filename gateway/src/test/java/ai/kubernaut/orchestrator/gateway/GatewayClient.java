package ai.kubernaut.orchestrator.gateway;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Posts to a Gateway the way Alertmanager does. */
final class GatewayClient {

  record Answer(int status, JsonNode body, String raw) {
    String reason() {
      return body == null ? null : body.path("reason").asString();
    }

    String message() {
      return body == null ? null : body.path("message").asString();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  GatewayClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  Answer postAlerts(String json) {
    return post(GatewayHttpServer.ALERTMANAGER_PATH, json, Map.of());
  }

  Answer post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null && !headers.containsKey("Authorization")) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(
        (k, v) -> {
          if (v != null) {
            b.setHeader(k, v);
          }
        });
    return send(b.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      try {
        body = Serialization.jsonMapper().readTree(r.body());
      } catch (RuntimeException notJson) {
        // plain text endpoints
      }
      return new Answer(r.statusCode(), body, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()).raw();
  }

  String base() {
    return base;
  }
}
