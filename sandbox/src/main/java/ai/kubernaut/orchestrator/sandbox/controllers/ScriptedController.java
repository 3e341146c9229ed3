package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A simulated child controller in the MockKube3 style: it watches one kind and, for every object
 * that is not finished, writes the next scripted status after a delay.
 *
 * <p>Every write starts from a fresh read and happens only if the object is still the same one
 * (UID) in the state the step was planned for, so duplicate events, resyncs and changes made
 * meanwhile (for example the orchestrator marking the child Failed) never lead to a wrong write. A
 * 404 means the object was deleted meanwhile and ends the step quietly; a 409 means it changed
 * meanwhile and the step is re-checked against a fresh read. Other errors are retried a few times
 * with backoff, then left to the next resync.
 *
 * <p>Subclasses hold only the scripted behaviour: {@link #state}, {@link #isFinished} and the pure
 * {@link #next} function, which is unit-tested without a server.
 */
abstract class ScriptedController<T extends HasMetadata> implements AutoCloseable {

  static final int MAX_CONFLICT_RETRIES = 10;
  static final int MAX_ERROR_RETRIES = 5;
  static final Duration FIRST_ERROR_BACKOFF = Duration.ofMillis(100);

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final Class<T> type;
  private final String kind;
  private final KubernetesClient client;
  private final ControllerConfig config;
  private final RemediationRequests remediationRequests;
  private final ScheduledExecutorService executor;
  private final ChildStore<T> store;
  private final Set<String> planned = ConcurrentHashMap.newKeySet();
  private final List<SharedIndexInformer<T>> informers = new ArrayList<>();

  ScriptedController(
      Class<T> type,
      KubernetesClient client,
      ControllerConfig config,
      RemediationRequests remediationRequests,
      ScheduledExecutorService executor,
      ChildStore<T> store) {
    this.type = type;
    this.kind = HasMetadata.getKind(type);
    this.client = client;
    this.config = config;
    this.remediationRequests = remediationRequests;
    this.executor = executor;
    this.store = store;
  }

  /** The state a step is planned from, for example {@code Running/2}; equal states, same step. */
  abstract String state(T resource);

  /** Whether nothing will ever be written to this object again (terminal or decided). */
  abstract boolean isFinished(T resource);

  /** The RR reference in the child's spec, when the kind has one. */
  abstract ObjectReference remediationRequestRef(T resource);

  /** When the child's own deadline passes (spec.timesOutAt or requiredBy), if it has one. */
  abstract Optional<String> deadline(T resource);

  /** The next scripted step for {@code resource} in its current state, if any. */
  abstract Optional<Step<T>> next(T resource, StepContext context);

  String kind() {
    return kind;
  }

  ControllerConfig config() {
    return config;
  }

  /** Starts the informers; returns once they have listed the existing objects. */
  void start() {
    ResourceEventHandler<T> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T resource) {
            observe(resource, "add");
          }

          @Override
          public void onUpdate(T oldResource, T newResource) {
            observe(newResource, "update");
          }

          @Override
          public void onDelete(T resource, boolean deletedFinalStateUnknown) {
            // nothing to do: a planned step finds the object gone (404) and ends
          }
        };
    long resync = config.resyncPeriod().toMillis();
    if (config.watchesAllNamespaces()) {
      informers.add(client.resources(type).inAnyNamespace().inform(handler, resync));
    } else {
      for (String namespace : config.namespaces()) {
        informers.add(client.resources(type).inNamespace(namespace).inform(handler, resync));
      }
    }
    log.debug("simulated {} controller started", kind);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  /** Plans the next step for an observed object; the informer callback, kept thin. */
  void observe(T resource, String event) {
    String namespace = resource.getMetadata().getNamespace();
    String name = resource.getMetadata().getName();
    MDC.put("child.kind", kind);
    MDC.put("child.namespace", namespace);
    MDC.put("child.name", name);
    MDC.put("event", event);
    try {
      if (isFinished(resource) || resource.getMetadata().getDeletionTimestamp() != null) {
        return;
      }
      StepContext context = contextFor(resource);
      if (isPastDeadline(resource, context.now())) {
        log.debug("{} {}/{} is past its deadline; leaving it alone", kind, namespace, name);
        return;
      }
      Optional<Step<T>> step = next(resource, context);
      if (step.isEmpty()) {
        return;
      }
      String state = state(resource);
      String key = resource.getMetadata().getUid() + "@" + state;
      if (!planned.add(key)) {
        return;
      }
      Write write =
          new Write(key, namespace, name, resource.getMetadata().getUid(), state, step.get());
      schedule(write, step.get().delay(), 1);
    } finally {
      MDC.remove("child.kind");
      MDC.remove("child.namespace");
      MDC.remove("child.name");
      MDC.remove("event");
    }
  }

  private StepContext contextFor(T resource) {
    Optional<RemediationRequest> rr =
        remediationRequests.find(resource, remediationRequestRef(resource));
    return StepContext.of(
        remediationRequests.scriptOf(rr), rr, config.clock().instant(), config.stepDelay());
  }

  private boolean isPastDeadline(T resource, Instant now) {
    Optional<String> deadline = deadline(resource);
    if (deadline.isEmpty() || deadline.get().isBlank()) {
      return false;
    }
    try {
      return !now.isBefore(Instant.parse(deadline.get()));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A planned status write. */
  private record Write(
      String key, String namespace, String name, String uid, String fromState, Step<?> step) {}

  private void schedule(Write write, Duration delay, int attempt) {
    try {
      if (delay.isZero()) {
        executor.execute(() -> apply(write, attempt));
      } else {
        executor.schedule(() -> apply(write, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      planned.remove(write.key());
    }
  }

  /**
   * Writes the step if the object is still the one it was planned for, in the same state. Returns
   * normally in every case; the planned key is released unless a retry was scheduled.
   */
  @SuppressWarnings("unchecked")
  void apply(Write write, int attempt) {
    MDC.put("child.kind", kind);
    MDC.put("child.namespace", write.namespace());
    MDC.put("child.name", write.name());
    boolean retryScheduled = false;
    try {
      Step<T> step = (Step<T>) write.step();
      for (int conflicts = 0; conflicts <= MAX_CONFLICT_RETRIES; conflicts++) {
        Optional<T> fresh = store.get(write.namespace(), write.name());
        if (fresh.isEmpty()) {
          log.debug("{} {} is gone; dropping {}", kind, write.name(), step.description());
          return;
        }
        T current = fresh.get();
        if (!write.uid().equals(current.getMetadata().getUid())
            || isFinished(current)
            || !write.fromState().equals(state(current))) {
          log.debug("{} {} moved on; dropping {}", kind, write.name(), step.description());
          return;
        }
        step.write().accept(current);
        try {
          store.updateStatus(current);
        } catch (KubernetesClientException e) {
          if (e.getCode() == 404) {
            log.debug(
                "{} {} deleted meanwhile; dropping {}", kind, write.name(), step.description());
            return;
          }
          if (e.getCode() == 409) {
            log.debug("{} {} changed meanwhile; re-reading", kind, write.name());
            continue;
          }
          throw e;
        }
        log.debug("{} {}: {}", kind, write.name(), step.description());
        step.afterWrite().accept(current);
        return;
      }
      log.warn(
          "{} {}: gave up on {} after {} conflicts",
          kind,
          write.name(),
          step.description(),
          MAX_CONFLICT_RETRIES);
    } catch (KubernetesClientException e) {
      if (attempt < MAX_ERROR_RETRIES) {
        Duration backoff = FIRST_ERROR_BACKOFF.multipliedBy(1L << (attempt - 1));
        log.debug(
            "{} {}: write failed ({}), retrying in {}",
            kind,
            write.name(),
            e.getMessage(),
            backoff);
        retryScheduled = true;
        schedule(write, backoff, attempt + 1);
      } else {
        log.warn(
            "{} {}: write failed {} times, leaving it to the next resync: {}",
            kind,
            write.name(),
            attempt,
            e.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("{} {}: unexpected error in a scripted step", kind, write.name(), e);
    } finally {
      if (!retryScheduled) {
        planned.remove(write.key());
      }
      MDC.remove("child.kind");
      MDC.remove("child.namespace");
      MDC.remove("child.name");
    }
  }

  /** Planned writes not yet done; for tests. */
  int plannedCount() {
    return planned.size();
  }
}
