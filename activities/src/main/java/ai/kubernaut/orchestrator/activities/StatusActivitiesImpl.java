package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.activities.kube.OwnedStatusFields;
import ai.kubernaut.orchestrator.activities.kube.StatusProjector;
import ai.kubernaut.orchestrator.activities.kube.TemporalUi;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult.Disposition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the workflow's desired status onto the RR.
 *
 * <ol>
 *   <li>Fresh read of the RR (generic, so fields this version does not model survive), or the copy
 *       our previous write of this RR returned ({@link LastWrittenStatus}: no read at all while
 *       nobody else writes the RR; a 409 or a stale-looking copy falls back to the read). Gone, or
 *       replaced by an RR with another UID: {@link Disposition#GONE}.
 *   <li>Sequence guard on {@code status.statusRunId}/{@code status.statusSequence}: the same run
 *       with a stored sequence at or above the write's is {@link Disposition#STALE} and nothing is
 *       written; at an equal sequence, a write decided by a later workflow task ({@code
 *       status.statusWorkflowTask}: a local write re-run by a retried task) is newer and applied. A
 *       different run ID takes over: runs of one workflow ID never overlap (Temporal terminates the
 *       old run on reset, and continue-as-new closes it), so a write from another run is from the
 *       live one. The only exception is an activity of a just-terminated run that was already
 *       executing; its one write is replaced by the live run's next write.
 *   <li>Only orchestrator-owned fields are copied onto the freshly read status ({@link
 *       OwnedStatusFields}), with observedGeneration, conditions and status.temporal.
 *   <li>PUT to the status subresource with the read's resourceVersion (optimistic locking). 409:
 *       counted, re-read, retried up to {@value #MAX_CONFLICT_RETRIES} times, then a retryable
 *       failure so Temporal backs off.
 *   <li>The write's events are emitted on the RR, named deterministically so a retry duplicates
 *       nothing. They are also emitted when the stored sequence equals the write's (a retry of an
 *       attempt that wrote the status but failed before emitting).
 * </ol>
 */
public final class StatusActivitiesImpl implements StatusActivities {

  static final int MAX_CONFLICT_RETRIES = 5;

  /** Remediations whose last written RR is kept to skip the read before the next write. */
  static final int REMEMBERED_REMEDIATIONS = 4_096;

  private static final Logger LOG = LoggerFactory.getLogger(StatusActivitiesImpl.class);

  private final KubeResources kube;
  private final Clock clock;
  private final ActivityMetrics metrics;
  private final TemporalUi ui;
  private final EventRecorder events;
  private final RemediationLookup cache;
  private final LastWrittenStatus lastWritten = new LastWrittenStatus(REMEMBERED_REMEDIATIONS);

  /**
   * @param ui Temporal Web UI base URL and Temporal namespace for status.temporal.uiURL; {@link
   *     TemporalUi#none()} when no UI is configured
   */
  public StatusActivitiesImpl(
      KubernetesClient client, Clock clock, ActivityMetrics metrics, TemporalUi ui) {
    this(client, clock, metrics, ui, RemediationLookup.NONE);
  }

  /**
   * @param cache where a run's first write (or a replica's first write for an RR) starts instead of
   *     a read: like our own last write, a copy that may be stale, so a conflict or a newer
   *     sequence in it leads to a read
   */
  public StatusActivitiesImpl(
      KubernetesClient client,
      Clock clock,
      ActivityMetrics metrics,
      TemporalUi ui,
      RemediationLookup cache) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.kube = new KubeResources(client);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.ui = ui == null ? TemporalUi.none() : ui;
    this.events = new EventRecorder(client, clock, metrics);
  }

  @Override
  public StatusWriteResult writeStatus(StatusWrite write) {
    String ns = write.rr().namespace();
    GenericKubernetesResource remembered = lastWritten.take(write.rr().uid());
    if (remembered == null) {
      remembered = cachedCopy(write);
    }
    int attempt = 0;
    while (attempt < MAX_CONFLICT_RETRIES) {
      boolean fromMemory = remembered != null;
      GenericKubernetesResource fresh = fromMemory ? remembered : read(write);
      remembered = null;
      if (!fromMemory) {
        attempt++;
      }
      if (fresh == null) {
        metrics.statusWrite(ns, "gone");
        LOG.info("status write {} skipped: RR is gone", write.sequence());
        return new StatusWriteResult(Disposition.GONE, write.sequence());
      }
      Map<String, Object> stored = KubeResources.statusOf(fresh);
      Long storedSequence = asLong(stored.get("statusSequence"));
      Object storedRun = stored.get("statusRunId");
      if (write.runId().equals(storedRun) && storedSequence != null && !newer(write, stored)) {
        if (fromMemory) {
          continue; // our copy can't tell whether someone else wrote since: read it
        }
        if (storedSequence == write.sequence() && sameTask(write, stored)) {
          emitEvents(fresh, write); // our own earlier attempt wrote it
        }
        metrics.statusWrite(ns, "stale");
        LOG.debug("status write {} is stale (stored {})", write.sequence(), storedSequence);
        return new StatusWriteResult(Disposition.STALE, storedSequence);
      }
      if (storedRun != null && !write.runId().equals(storedRun)) {
        LOG.info("run {} takes over the RR status from run {}", write.runId(), storedRun);
      }
      fresh.setAdditionalProperty("status", project(write, fresh, stored));
      try {
        GenericKubernetesResource updated =
            kube.generic(RemediationRequest.class).inNamespace(ns).resource(fresh).updateStatus();
        if (write.status().overallPhase() == null || !write.status().overallPhase().isTerminal()) {
          lastWritten.remember(updated); // a terminal write is the last one: nothing to keep
        }
        metrics.statusWrite(ns, "applied");
        emitEvents(updated, write);
        return new StatusWriteResult(Disposition.APPLIED, write.sequence());
      } catch (KubernetesClientException e) {
        if (KubeFailures.isConflict(e)) {
          if (fromMemory) {
            LOG.debug("status write {}: the RR changed since our last write", write.sequence());
            continue;
          }
          metrics.statusWriteConflict(ns);
          LOG.debug(
              "status write {} conflicted (attempt {}), re-reading", write.sequence(), attempt);
          continue;
        }
        if (KubeFailures.isNotFound(e)) {
          metrics.statusWrite(ns, "gone");
          return new StatusWriteResult(Disposition.GONE, write.sequence());
        }
        metrics.statusWriteFailure(ns, "api_error");
        throw KubeFailures.classify(e, "update status of RemediationRequest " + display(write));
      }
    }
    metrics.statusWriteFailure(ns, "conflicts_exhausted");
    LOG.warn(
        "status write {} conflicted {} times; leaving it to the activity retry",
        write.sequence(),
        MAX_CONFLICT_RETRIES);
    throw new StatusConflictException(
        "status of RemediationRequest "
            + display(write)
            + " conflicted "
            + MAX_CONFLICT_RETRIES
            + " times in a row");
  }

  /** A copy of the cached RR (the cache's object stays untouched), or null. */
  private GenericKubernetesResource cachedCopy(StatusWrite write) {
    RemediationRequest cached = cache.cached(write.rr().namespace(), write.rr().name());
    if (cached == null) {
      return null;
    }
    GenericKubernetesResource copy =
        kube.serialization().convertValue(cached, GenericKubernetesResource.class);
    return KubeResources.sameUid(write.rr(), copy) ? copy : null;
  }

  private GenericKubernetesResource read(StatusWrite write) {
    GenericKubernetesResource fresh;
    try {
      fresh =
          kube.generic(RemediationRequest.class)
              .inNamespace(write.rr().namespace())
              .withName(write.rr().name())
              .get();
    } catch (KubernetesClientException e) {
      metrics.statusWriteFailure(write.rr().namespace(), "api_error");
      throw KubeFailures.classify(e, "read RemediationRequest " + display(write));
    }
    return fresh != null && KubeResources.sameUid(write.rr(), fresh) ? fresh : null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> project(
      StatusWrite write, GenericKubernetesResource fresh, Map<String, Object> stored) {
    KubernetesSerialization json = kube.serialization();
    List<Condition> existing =
        stored.get("conditions") instanceof List<?> list
            ? Arrays.asList(json.convertValue(list, Condition[].class))
            : List.of();
    RemediationRequestStatus ours =
        StatusProjector.project(
            write, fresh.getMetadata().getGeneration(), existing, clock.instant(), ui);
    RemediationRequestSpec spec =
        json.convertValue(
            fresh.getAdditionalProperties().get("spec"), RemediationRequestSpec.class);
    ours.setShortFingerprint(spec == null ? null : spec.shortFingerprint());
    return OwnedStatusFields.overlay(stored, json.convertValue(ours, Map.class));
  }

  private void emitEvents(GenericKubernetesResource rr, StatusWrite write) {
    if (!write.events().isEmpty()) {
      events.emit(rr, write.events(), write.workflowId(), write.runId(), write.sequence());
    }
  }

  /**
   * The write is ahead of what the same run stored: a higher sequence, or the same sequence decided
   * by a later workflow task (a local write re-run by a retried task, with what it learnt since).
   */
  private static boolean newer(StatusWrite write, Map<String, Object> stored) {
    long storedSequence = asLong(stored.get("statusSequence"));
    if (storedSequence != write.sequence()) {
      return storedSequence < write.sequence();
    }
    Long storedTask = asLong(stored.get("statusWorkflowTask"));
    return write.workflowTask() > (storedTask == null ? 0 : storedTask);
  }

  private static boolean sameTask(StatusWrite write, Map<String, Object> stored) {
    Long storedTask = asLong(stored.get("statusWorkflowTask"));
    return write.workflowTask() == (storedTask == null ? 0 : storedTask);
  }

  private static Long asLong(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String display(StatusWrite write) {
    return KubeResources.display(write.rr());
  }

  /** Retryable: the status kept changing under us; Temporal retries the activity with backoff. */
  public static final class StatusConflictException extends RuntimeException {
    public StatusConflictException(String message) {
      super(message);
    }
  }
}
