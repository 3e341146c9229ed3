package ai.kubernaut.orchestrator.orchestrator.kube;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every Kubernetes API request the orchestrator's client sends (each attempt, retries
 * included) as {@value #REQUESTS}{@code _total} by RBAC verb, API group, resource and subresource,
 * so the API cost per remediation can be read from {@code /metrics} on any cluster (the {@code
 * bench} command does, docs/performance.md). Counters are registered on first use, in the registry
 * given to {@link #bindTo}; requests sent before that are not counted.
 */
public final class KubernetesRequestMetrics implements Interceptor {

  public static final String REQUESTS = "kubernaut_remediationorchestrator_kubernetes_requests";

  private volatile MeterRegistry registry;

  /** Counts from now on into {@code value}; returns this. */
  public KubernetesRequestMetrics bindTo(MeterRegistry value) {
    this.registry = value;
    return this;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    MeterRegistry target = registry;
    if (target == null) {
      return;
    }
    String query = request.uri().getRawQuery();
    ApiRequest parsed =
        ApiRequest.parse(
            request.method(), request.uri().getRawPath() + (query == null ? "" : "?" + query));
    parsed
        .rbacVerb()
        .ifPresent(
            verb ->
                Counter.builder(REQUESTS)
                    .description("Kubernetes API requests sent by the orchestrator (attempts)")
                    .tag("verb", verb)
                    .tag("group", parsed.group())
                    .tag("resource", parsed.resource())
                    .tag("subresource", parsed.subresource() == null ? "" : parsed.subresource())
                    .register(target)
                    .increment());
  }
}
