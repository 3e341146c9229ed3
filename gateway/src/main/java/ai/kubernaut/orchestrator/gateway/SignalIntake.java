package ai.kubernaut.orchestrator.gateway;

import ai.kubernaut.orchestrator.api.v1alpha1.Deduplication;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.Timestamps;
import ai.kubernaut.orchestrator.gateway.IntakeResult.Outcome;
import ai.kubernaut.orchestrator.gateway.signal.Signal;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one firing signal into a new RemediationRequest, or counts it on the active one, or
 * suppresses it during the cooldown after the last one ended.
 *
 * <p>Concurrency: signals of one fingerprint are handled one at a time in this process (striped
 * locks), and across processes the deterministic name {@code rr-<fp12>-<n>} makes the API server
 * pick exactly one creator: a create that gets 409 reads the winner and counts on it. Counting
 * writes {@code status.deduplication} through the status subresource with the resourceVersion just
 * read, and retries with a fresh read on 409, so no occurrence is lost to a concurrent writer (the
 * orchestrator, which keeps this field, or another Gateway replica).
 */
public final class SignalIntake {

  private static final Logger LOG = LoggerFactory.getLogger(SignalIntake.class);
  private static final String INDEX = "fingerprint";
  private static final int LOCK_STRIPES = 256;
  private static final int MAX_ATTEMPTS = 20;

  private final KubernetesClient client;
  private final String namespace;
  private final SharedIndexInformer<RemediationRequest> cache;
  private final Duration cooldown;
  private final StormDetector storms;
  private final GatewayMetrics metrics;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

  public SignalIntake(
      KubernetesClient client,
      String namespace,
      SharedIndexInformer<RemediationRequest> cache,
      Duration cooldown,
      StormDetector storms,
      GatewayMetrics metrics,
      Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.cache = cache;
    this.cooldown = cooldown;
    this.storms = storms;
    this.metrics = metrics;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** An informer over the RRs in {@code namespace}, indexed by fingerprint; not yet started. */
  public static SharedIndexInformer<RemediationRequest> informer(
      KubernetesClient client, String namespace, Duration resync) {
    SharedIndexInformer<RemediationRequest> informer =
        client
            .resources(RemediationRequest.class)
            .inNamespace(namespace)
            .runnableInformer(resync.toMillis());
    // a first list that fails (a busy API server) must be retried, not stop the cache for good
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warn("RemediationRequest cache: {}, retrying", t.toString());
          return true;
        });
    informer.addIndexers(
        Map.of(
            INDEX,
            rr ->
                rr.getSpec() == null || rr.getSpec().getSignalFingerprint() == null
                    ? List.of()
                    : List.of(rr.getSpec().getSignalFingerprint())));
    return informer;
  }

  /** Handles one signal; thread-safe. Kubernetes failures other than conflicts propagate. */
  public IntakeResult accept(Signal signal) {
    metrics.received(signal.source());
    if (!signal.firing()) {
      metrics.resolved(signal.source());
      RemediationRequest active = latestKnown(signal.fingerprint());
      String rr = active == null ? null : active.getMetadata().getName();
      LOG.info(
          "resolved {} on {} recorded{}",
          signal.name(),
          signal.target().describe(),
          rr == null ? "" : " (remediation " + rr + ")");
      return new IntakeResult(
          signal, Outcome.RESOLVED, rr, "resolved signals are recorded and start nothing");
    }
    ReentrantLock lock = locks[Math.floorMod(signal.fingerprint().hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return acceptFiring(signal);
    } finally {
      lock.unlock();
    }
  }

  private IntakeResult acceptFiring(Signal signal) {
    int sequence = highestKnownSequence(signal.fingerprint());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (sequence > 0) {
        String name = RemediationRequests.name(signal.fingerprint(), sequence);
        RemediationRequest existing = rrs().withName(name).get();
        if (existing != null && RemediationRequests.isActive(existing)) {
          return countOn(signal, name);
        }
        if (existing != null) {
          Instant until = suppressedUntil(existing);
          if (until != null && clock.instant().isBefore(until)) {
            metrics.suppressed(signal.source(), "cooldown");
            LOG.info(
                "suppressed {} on {}: {} ended, cooldown until {}",
                signal.name(),
                signal.target().describe(),
                name,
                until);
            return new IntakeResult(
                signal,
                Outcome.SUPPRESSED,
                name,
                name
                    + " ended "
                    + existing.getStatus().getOverallPhase().value()
                    + "; no new remediation before "
                    + until);
          }
        }
      }
      String previous =
          sequence > 0 ? RemediationRequests.name(signal.fingerprint(), sequence) : null;
      Instant now = clock.instant();
      StormDetector.Verdict storm = storms.record(signal.name(), signal.fingerprint());
      RemediationRequest desired =
          RemediationRequests.desired(
              signal, namespace, sequence + 1, previous, storm, storms.window(), now);
      try {
        rrs().resource(desired).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          sequence++; // someone else created it: look at it on the next turn
          continue;
        }
        throw e;
      }
      metrics.created(signal.source());
      if (storm.storm()) {
        metrics.storm(signal.source());
      }
      String name = desired.getMetadata().getName();
      LOG.info(
          "created {} for {} on {}{}",
          name,
          signal.name(),
          signal.target().describe(),
          storm.storm() ? " (storm: " + storm.alertCount() + " targets)" : "");
      return new IntakeResult(
          signal,
          Outcome.CREATED,
          name,
          storm.storm()
              ? "created; part of a storm of " + storm.alertCount() + " targets"
              : "created");
    }
    throw new IllegalStateException(
        "no free RemediationRequest name for " + signal.name() + " after " + MAX_ATTEMPTS);
  }

  /** Counts one more occurrence on the active RR {@code name}, retrying on 409. */
  private IntakeResult countOn(Signal signal, String name) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      RemediationRequest current = rrs().withName(name).get();
      if (current == null) {
        throw new KubernetesClientException(
            "RemediationRequest " + name + " disappeared", 409, null);
      }
      int count = RemediationRequests.occurrences(current) + 1;
      Deduplication dedup = new Deduplication();
      dedup.setIsDuplicate(true);
      dedup.setFirstSeen(firstSeen(current));
      dedup.setLastSeen(clock.instant().toString());
      dedup.setOccurrenceCount(count);
      if (current.getSpec() != null && current.getSpec().getDeduplication() != null) {
        dedup.setPreviousRemediationRequestRef(
            current.getSpec().getDeduplication().getPreviousRemediationRequestRef());
      }
      if (current.getStatus() == null) {
        current.setStatus(new RemediationRequestStatus());
      }
      current.getStatus().setDeduplication(dedup);
      try {
        rrs().resource(current).updateStatus();
        metrics.deduplicated(signal.source());
        LOG.debug("counted {} on {}: {} occurrences", signal.name(), name, count);
        return new IntakeResult(
            signal, Outcome.DEDUPLICATED, name, "remediation in progress; occurrence " + count);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        metrics.deduplicationConflict();
        pause(attempt);
      }
    }
    throw new KubernetesClientException(
        "status.deduplication of " + name + " kept conflicting", 409, null);
  }

  private String firstSeen(RemediationRequest rr) {
    Deduplication status = rr.getStatus() == null ? null : rr.getStatus().getDeduplication();
    if (status != null && status.getFirstSeen() != null) {
      return status.getFirstSeen();
    }
    Deduplication spec = rr.getSpec() == null ? null : rr.getSpec().getDeduplication();
    if (spec != null && spec.getFirstSeen() != null) {
      return spec.getFirstSeen();
    }
    return rr.getMetadata().getCreationTimestamp();
  }

  /**
   * The end of the cooldown of an ended RR: its completion time plus the cooldown, or its {@code
   * blockedUntil} when that is later; null when neither is known.
   */
  private Instant suppressedUntil(RemediationRequest rr) {
    RemediationRequestStatus status = rr.getStatus();
    Instant until = null;
    Instant completed = Timestamps.parse(status.getCompletionTime()).orElse(null);
    if (completed == null) {
      completed = Timestamps.parse(status.getPhaseStartTime()).orElse(null);
    }
    if (completed != null) {
      until = completed.plus(cooldown);
    }
    Instant blocked = Timestamps.parse(status.getBlockedUntil()).orElse(null);
    if (blocked != null && (until == null || blocked.isAfter(until))) {
      until = blocked;
    }
    return until;
  }

  private int highestKnownSequence(String fingerprint) {
    int highest = 0;
    for (RemediationRequest rr : cache.getIndexer().byIndex(INDEX, fingerprint)) {
      highest = Math.max(highest, RemediationRequests.sequenceOf(rr.getMetadata().getName()));
    }
    return highest;
  }

  private RemediationRequest latestKnown(String fingerprint) {
    RemediationRequest latest = null;
    for (RemediationRequest rr : cache.getIndexer().byIndex(INDEX, fingerprint)) {
      if (latest == null
          || RemediationRequests.sequenceOf(rr.getMetadata().getName())
              > RemediationRequests.sequenceOf(latest.getMetadata().getName())) {
        latest = rr;
      }
    }
    return latest;
  }

  private NonNamespaceOperation<
          RemediationRequest,
          KubernetesResourceList<RemediationRequest>,
          Resource<RemediationRequest>>
      rrs() {
    return client.resources(RemediationRequest.class).inNamespace(namespace);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
