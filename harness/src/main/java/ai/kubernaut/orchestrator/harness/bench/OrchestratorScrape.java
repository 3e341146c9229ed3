package ai.kubernaut.orchestrator.harness.bench;

import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesRequestMetrics;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an orchestrator's Prometheus {@code /metrics}: the Kubernetes API requests it counted
 * ({@link KubernetesRequestMetrics}) and its heap in use ({@code jvm_memory_used_bytes}).
 */
final class OrchestratorScrape {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)\\{(.*)}\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final String REQUESTS = KubernetesRequestMetrics.REQUESTS + "_total";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI uri;

  OrchestratorScrape(String url) {
    this.uri = URI.create(url);
  }

  /** The metrics text; throws when the orchestrator does not answer 200. */
  String fetch() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("GET " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Requests counted so far, per call. */
  Map<ApiCall, Long> requests() {
    return requests(fetch());
  }

  /** Heap in use, bytes (all heap pools). */
  long heapUsed() {
    return heapUsed(fetch());
  }

  static Map<ApiCall, Long> requests(String text) {
    Map<ApiCall, Long> calls = new HashMap<>();
    text.lines()
        .map(SAMPLE::matcher)
        .filter(m -> m.find() && m.group(1).equals(REQUESTS))
        .forEach(
            m -> {
              Map<String, String> labels = labels(m.group(2));
              calls.merge(
                  new ApiCall(
                      labels.getOrDefault("verb", ""),
                      labels.getOrDefault("group", ""),
                      labels.getOrDefault("resource", ""),
                      labels.getOrDefault("subresource", "")),
                  (long) Double.parseDouble(m.group(3)),
                  Long::sum);
            });
    return calls;
  }

  static long heapUsed(String text) {
    return (long)
        text.lines()
            .map(SAMPLE::matcher)
            .filter(
                m ->
                    m.find()
                        && m.group(1).equals("jvm_memory_used_bytes")
                        && "heap".equals(labels(m.group(2)).get("area")))
            .mapToDouble(m -> Double.parseDouble(m.group(3)))
            .sum();
  }

  private static Map<String, String> labels(String raw) {
    Map<String, String> labels = new HashMap<>();
    Matcher m = LABEL.matcher(raw);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    return labels;
  }
}
