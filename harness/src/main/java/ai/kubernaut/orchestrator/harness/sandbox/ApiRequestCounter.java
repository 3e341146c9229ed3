package ai.kubernaut.orchestrator.harness.sandbox;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the Kubernetes API requests one client sends (every attempt, retries included) per {@link
 * ApiCall}, so the orchestrator's own requests can be told apart from those of the simulated
 * controllers and the benchmark, which share the API stand-in and its request log.
 */
public final class ApiRequestCounter implements Interceptor {

  private final Map<ApiCall, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    ApiRequest parsed =
        ApiRequest.parse(request.method(), request.uri().getRawPath() + query(request));
    parsed
        .rbacVerb()
        .ifPresent(
            verb ->
                counts
                    .computeIfAbsent(
                        new ApiCall(
                            verb,
                            parsed.group(),
                            parsed.resource(),
                            parsed.subresource() == null ? "" : parsed.subresource()),
                        k -> new LongAdder())
                    .increment());
  }

  private static String query(HttpRequest request) {
    String q = request.uri().getRawQuery();
    return q == null ? "" : "?" + q;
  }

  /** A snapshot of every call and its count, ordered by resource, subresource and verb. */
  public Map<ApiCall, Long> calls() {
    return ApiCall.snapshot(counts);
  }

  /** Total count per verb (create, update, patch, get, list, watch, delete). */
  public Map<String, Long> byVerb() {
    Map<String, Long> byVerb = new TreeMap<>();
    counts.forEach((call, n) -> byVerb.merge(call.verb(), n.sum(), Long::sum));
    return byVerb;
  }

  public void clear() {
    counts.clear();
  }
}
