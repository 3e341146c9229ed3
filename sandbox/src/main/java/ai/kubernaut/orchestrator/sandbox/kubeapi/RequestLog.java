package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every resource request the stand-in received, counted per {@link ApiCall} (verb, group, resource,
 * subresource), in total and per client User-Agent, so a test can compare the calls one client (the
 * orchestrator) made with an RBAC ClusterRole. Memory is bounded by the number of distinct calls
 * and clients, not the number of requests. Thread-safe.
 */
public final class RequestLog {

  private static final String NO_AGENT = "";

  private final Map<ApiCall, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, Map<ApiCall, LongAdder>> countsByAgent = new ConcurrentHashMap<>();

  void record(ApiRequest request) {
    record(request, null);
  }

  void record(ApiRequest request, String userAgent) {
    request
        .rbacVerb()
        .ifPresent(
            verb -> {
              ApiCall call =
                  new ApiCall(
                      verb,
                      request.group(),
                      request.resource(),
                      request.subresource() == null ? "" : request.subresource());
              counts.computeIfAbsent(call, k -> new LongAdder()).increment();
              countsByAgent
                  .computeIfAbsent(
                      userAgent == null ? NO_AGENT : userAgent, a -> new ConcurrentHashMap<>())
                  .computeIfAbsent(call, k -> new LongAdder())
                  .increment();
            });
  }

  /** A snapshot: each distinct call and how often it was made, in a stable order. */
  public Map<ApiCall, Long> calls() {
    return ApiCall.snapshot(counts);
  }

  /** Like {@link #calls()}, only for requests whose User-Agent starts with {@code agentPrefix}. */
  public Map<ApiCall, Long> callsFrom(String agentPrefix) {
    Map<ApiCall, LongAdder> merged = new ConcurrentHashMap<>();
    countsByAgent.forEach(
        (agent, calls) -> {
          if (agent.startsWith(agentPrefix)) {
            calls.forEach(
                (call, n) -> merged.computeIfAbsent(call, k -> new LongAdder()).add(n.sum()));
          }
        });
    return ApiCall.snapshot(merged);
  }

  /** How often a call was made. */
  public long count(ApiCall call) {
    LongAdder n = counts.get(call);
    return n == null ? 0 : n.sum();
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    counts.clear();
    countsByAgent.clear();
  }
}
