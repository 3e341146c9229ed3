package ai.kubernaut.orchestrator.sandbox.kubeapi;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every resource request the stand-in received, counted per {@link ApiCall} (verb, group, resource,
 * subresource), so a test can compare the calls made with an RBAC ClusterRole. Memory is bounded by
 * the number of distinct calls, not the number of requests. Thread-safe.
 */
public final class RequestLog {

  private final Map<ApiCall, LongAdder> counts = new ConcurrentHashMap<>();

  void record(ApiRequest request) {
    request
        .rbacVerb()
        .ifPresent(
            verb ->
                counts
                    .computeIfAbsent(
                        new ApiCall(
                            verb,
                            request.group(),
                            request.resource(),
                            request.subresource() == null ? "" : request.subresource()),
                        k -> new LongAdder())
                    .increment());
  }

  /** A snapshot: each distinct call and how often it was made, in a stable order. */
  public Map<ApiCall, Long> calls() {
    Map<ApiCall, Long> snapshot =
        new TreeMap<>(
            java.util.Comparator.comparing(ApiCall::group)
                .thenComparing(ApiCall::resource)
                .thenComparing(ApiCall::subresource)
                .thenComparing(ApiCall::verb));
    counts.forEach((call, n) -> snapshot.put(call, n.sum()));
    return snapshot;
  }

  /** How often a call was made. */
  public long count(ApiCall call) {
    LongAdder n = counts.get(call);
    return n == null ? 0 : n.sum();
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    counts.clear();
  }
}
