package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.Timestamps;
import ai.kubernaut.orchestrator.workflows.activities.ClusterActivities;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cluster-wide termination rate, computed from an informer's in-memory cache of every RR: no
 * API request per call, whatever the number of RRs. Each call scans the cache once (O(n) in memory;
 * a few milliseconds for tens of thousands of RRs).
 *
 * <p>Attempted: terminal RRs whose status.completionTime lies in the window. Failed: those of them
 * in phase Failed or TimedOut. The caller creates the informer ({@link #informer}), starts it, and
 * stops it on shutdown; a call before the cache has synced fails retryably.
 */
public final class ClusterActivitiesImpl implements ClusterActivities {

  private final Supplier<Collection<RemediationRequest>> cache;
  private final Supplier<Boolean> synced;
  private final Clock clock;

  public ClusterActivitiesImpl(SharedIndexInformer<RemediationRequest> informer, Clock clock) {
    this(() -> informer.getStore().list(), informer::hasSynced, clock);
    Objects.requireNonNull(informer, "informer");
  }

  ClusterActivitiesImpl(
      Supplier<Collection<RemediationRequest>> cache, Supplier<Boolean> synced, Clock clock) {
    this.cache = cache;
    this.synced = synced;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An informer over the RRs of all namespaces, not started: pass it here, start it with {@code
   * informer.start()} (or {@code run()}), close it on shutdown. Use an informer over a namespace
   * list instead when the orchestrator watches only some namespaces.
   */
  public static SharedIndexInformer<RemediationRequest> informer(
      KubernetesClient client, long resyncMillis) {
    return client
        .resources(RemediationRequest.class)
        .inAnyNamespace()
        .runnableInformer(resyncMillis);
  }

  @Override
  public TerminationRate terminationRate(TerminationRateQuery query) {
    if (!synced.get()) {
      throw new IllegalStateException("the RemediationRequest cache has not synced yet; retrying");
    }
    Instant now = clock.instant();
    Instant from = now.minus(query.window());
    long attempted = 0;
    long failed = 0;
    for (RemediationRequest rr : cache.get()) {
      RemediationRequestStatus status = rr.getStatus();
      if (status == null || status.getOverallPhase() == null) {
        continue;
      }
      RemediationPhase phase = status.getOverallPhase();
      Instant completed = Timestamps.parse(status.getCompletionTime()).orElse(null);
      if (!phase.isTerminal() || completed == null) {
        continue;
      }
      if (completed.isBefore(from) || completed.isAfter(now)) {
        continue;
      }
      attempted++;
      if (phase == RemediationPhase.FAILED || phase == RemediationPhase.TIMED_OUT) {
        failed++;
      }
    }
    return new TerminationRate(failed, attempted);
  }
}
