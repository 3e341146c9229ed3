package ai.kubernaut.orchestrator.harness.bench;

import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The benchmark's own watches on the API stand-in: an informer on RRs (first time each is seen past
 * Pending, and when it is terminal) and one per child kind (when a child is first seen, and when
 * its status first reaches Completed, Failed or, for an approval request, Approved). All times are
 * {@link System#nanoTime()} in this process at the moment the watch event arrived.
 */
final class BenchProbe implements AutoCloseable {

  enum Event {
    CREATED,
    COMPLETED,
    FAILED
  }

  record ChildEvent(long nanos, String kind, String name, Event event) {}

  /** Everything recorded for one RR. */
  static final class Times {
    volatile long created;
    volatile long pickedUp;
    volatile long terminal;
    volatile String phase;
    volatile String outcome;
    volatile Integer recoveryAttempts;
    volatile String workflowId;
    final List<ChildEvent> events = new ArrayList<>();
    final Map<String, Event> lastEvent = new ConcurrentHashMap<>();
  }

  private static final List<String[]> CHILD_KINDS =
      List.of(
          new String[] {"SignalProcessing", "signalprocessings"},
          new String[] {"AIAnalysis", "aianalyses"},
          new String[] {"RemediationApprovalRequest", "remediationapprovalrequests"},
          new String[] {"WorkflowExecution", "workflowexecutions"},
          new String[] {"NotificationRequest", "notificationrequests"});

  private final Map<String, Times> rrs = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final Consumer<String> onTerminal;
  private final String prefix;

  /** Watches the RRs in {@code namespace} whose names start with {@code prefix} (this run's). */
  BenchProbe(
      KubernetesClient client, String namespace, String prefix, Consumer<String> onTerminal) {
    this.onTerminal = onTerminal;
    this.prefix = prefix;
    informers.add(
        client
            .resources(RemediationRequest.class)
            .inNamespace(namespace)
            .inform(handler(this::onRemediationRequest), 0));
    for (String[] kind : CHILD_KINDS) {
      ResourceDefinitionContext context =
          new ResourceDefinitionContext.Builder()
              .withGroup("kubernaut.ai")
              .withVersion("v1alpha1")
              .withKind(kind[0])
              .withPlural(kind[1])
              .withNamespaced(true)
              .build();
      informers.add(
          client
              .genericKubernetesResources(context)
              .inNamespace(namespace)
              .inform(handler(r -> onChild(kind[0], r)), 0));
    }
  }

  /** The bench created this RR (the create call returned). */
  void created(String rr, long nanos) {
    Times t = times(rr);
    synchronized (t) {
      if (t.created == 0 || nanos < t.created) {
        t.created = nanos;
      }
    }
  }

  Times times(String rr) {
    return rrs.computeIfAbsent(rr, k -> new Times());
  }

  Collection<Map.Entry<String, Times>> all() {
    return rrs.entrySet();
  }

  long terminalCount() {
    return rrs.values().stream().filter(t -> t.terminal != 0).count();
  }

  long pickedUpCount() {
    return rrs.values().stream().filter(t -> t.pickedUp != 0).count();
  }

  private void onRemediationRequest(RemediationRequest rr) {
    long now = System.nanoTime();
    if (!rr.getMetadata().getName().startsWith(prefix)) {
      return;
    }
    Times t = times(rr.getMetadata().getName());
    synchronized (t) {
      if (t.created == 0) {
        t.created = now;
      }
    }
    RemediationRequestStatus status = rr.getStatus();
    if (status == null || status.getOverallPhase() == null) {
      return;
    }
    RemediationPhase phase = status.getOverallPhase();
    if (phase != RemediationPhase.PENDING && t.pickedUp == 0) {
      t.pickedUp = now;
    }
    if (status.getTemporal() != null && status.getTemporal().getWorkflowId() != null) {
      t.workflowId = status.getTemporal().getWorkflowId();
    }
    if (phase.isTerminal() && t.terminal == 0) {
      t.phase = phase.value();
      t.outcome = status.getOutcome() == null ? "" : status.getOutcome().toString();
      t.recoveryAttempts = status.getRecoveryAttempts();
      t.terminal = now;
      onTerminal.accept(rr.getMetadata().getName());
    }
  }

  @SuppressWarnings("unchecked")
  private void onChild(String kind, GenericKubernetesResource child) {
    long now = System.nanoTime();
    Map<String, String> labels = child.getMetadata().getLabels();
    String rr = labels == null ? null : labels.get(Labels.REMEDIATION_REQUEST);
    if (rr == null || !rr.startsWith(prefix)) {
      return;
    }
    Times t = times(rr);
    String name = child.getMetadata().getName();
    Object status = child.getAdditionalProperties().get("status");
    Event event = Event.CREATED;
    if (status instanceof Map<?, ?> map) {
      Object phase = ((Map<String, Object>) map).get("phase");
      Object decision = ((Map<String, Object>) map).get("decision");
      if ("Completed".equals(phase) || "Approved".equals(decision)) {
        event = Event.COMPLETED;
      } else if ("Failed".equals(phase) || "Rejected".equals(decision)) {
        event = Event.FAILED;
      }
    }
    synchronized (t) {
      if (!t.lastEvent.containsKey(name)) {
        t.lastEvent.put(name, Event.CREATED);
        t.events.add(new ChildEvent(now, kind, name, Event.CREATED));
      }
      if (event != Event.CREATED && t.lastEvent.get(name) == Event.CREATED) {
        t.lastEvent.put(name, event);
        t.events.add(new ChildEvent(now, kind, name, event));
      }
    }
  }

  /**
   * Per transition label ({@code SignalProcessing Completed -> AIAnalysis}): time from a child's
   * Completed (or Failed) to the creation of the RR's next child.
   */
  static Map<String, List<Long>> transitions(Times t, boolean includeFailures) {
    List<ChildEvent> events;
    synchronized (t) {
      events = new ArrayList<>(t.events);
    }
    events.sort(Comparator.comparingLong(ChildEvent::nanos));
    Map<String, List<Long>> out = new TreeMap<>();
    for (int i = 0; i < events.size(); i++) {
      ChildEvent done = events.get(i);
      boolean counts =
          done.event() == Event.COMPLETED || (includeFailures && done.event() == Event.FAILED);
      if (!counts || done.kind().equals("NotificationRequest")) {
        continue;
      }
      for (int j = i + 1; j < events.size(); j++) {
        ChildEvent next = events.get(j);
        if (next.event() == Event.CREATED && !next.name().equals(done.name())) {
          String label =
              done.kind() + " " + done.event().name().toLowerCase() + " -> " + next.kind();
          out.computeIfAbsent(label, k -> new ArrayList<>()).add(next.nanos() - done.nanos());
          break;
        }
      }
    }
    return out;
  }

  /** Child created to child Completed/Failed, per kind: the simulated controllers' share. */
  static Map<String, List<Long>> childDurations(Times t) {
    List<ChildEvent> events;
    synchronized (t) {
      events = new ArrayList<>(t.events);
    }
    Map<String, Long> createdAt = new ConcurrentHashMap<>();
    Map<String, List<Long>> out = new TreeMap<>();
    events.sort(Comparator.comparingLong(ChildEvent::nanos));
    for (ChildEvent e : events) {
      if (e.event() == Event.CREATED) {
        createdAt.put(e.name(), e.nanos());
      } else if (createdAt.containsKey(e.name())) {
        out.computeIfAbsent(e.kind(), k -> new ArrayList<>())
            .add(e.nanos() - createdAt.get(e.name()));
      }
    }
    return out;
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> each) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        each.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        each.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
