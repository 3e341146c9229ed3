package ai.kubernaut.orchestrator.activities;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The one home of every metric the activities record. Names carry the {@code
 * kubernaut_remediationorchestrator_} prefix; tags hold kinds, types, outcomes and namespaces,
 * never an RR name or a workflow ID (unbounded cardinality).
 */
public final class ActivityMetrics {

  public static final String PREFIX = "kubernaut_remediationorchestrator_";
  public static final String CHILD_CREATIONS = PREFIX + "child_creations";
  public static final String NOTIFICATIONS = PREFIX + "notifications";
  public static final String STATUS_WRITE_CONFLICTS = PREFIX + "status_write_conflicts";
  public static final String STATUS_WRITE_FAILURES = PREFIX + "status_write_failures";
  public static final String STATUS_WRITES = PREFIX + "status_writes";
  public static final String EVENTS = PREFIX + "events";
  public static final String CHILDREN_TERMINATED = PREFIX + "children_terminated";
  public static final String APPROVAL_DECISIONS_RECORDED = PREFIX + "approval_decisions_recorded";

  /**
   * Every {@code cause} of {@link #statusWriteFailure} and {@code disposition} of {@link
   * #statusWrite}.
   */
  static final List<String> STATUS_WRITE_FAILURE_CAUSES =
      List.of("api_error", "conflicts_exhausted");

  static final List<String> STATUS_WRITE_DISPOSITIONS = List.of("applied", "stale", "gone");

  private final MeterRegistry registry;

  public ActivityMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** A registry that keeps values in memory only: for tests and tools. */
  public static ActivityMetrics inMemory() {
    return new ActivityMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Registers the status-write counters the alerts read at 0 for {@code namespace}, so the first
   * conflict or failure there is an increase Prometheus can see, not the birth of a series.
   */
  public void preRegister(String namespace) {
    counter(STATUS_WRITE_CONFLICTS, "namespace", namespace);
    STATUS_WRITE_FAILURE_CAUSES.forEach(
        c -> counter(STATUS_WRITE_FAILURES, "namespace", namespace, "cause", c));
    STATUS_WRITE_DISPOSITIONS.forEach(
        d -> counter(STATUS_WRITES, "namespace", namespace, "disposition", d));
  }

  /** A child create-or-adopt call finished; {@code result} is created, adopted or unchanged. */
  public void childCreated(String childType, String result) {
    counter(CHILD_CREATIONS, "child_type", childType, "result", result).increment();
  }

  /** A NotificationRequest was created or found ({@code result}). */
  public void notification(String type, String result) {
    counter(NOTIFICATIONS, "type", type, "result", result).increment();
  }

  /** A status PUT got 409 Conflict and was retried from a fresh read. */
  public void statusWriteConflict(String namespace) {
    counter(STATUS_WRITE_CONFLICTS, "namespace", namespace).increment();
  }

  /** A status write gave up (conflicts exhausted or the API failed); Temporal retries it. */
  public void statusWriteFailure(String namespace, String cause) {
    counter(STATUS_WRITE_FAILURES, "namespace", namespace, "cause", cause).increment();
  }

  /** A status write ended with {@code disposition} (applied, stale, gone). */
  public void statusWrite(String namespace, String disposition) {
    counter(STATUS_WRITES, "namespace", namespace, "disposition", disposition).increment();
  }

  /** A Kubernetes Event was emitted ({@code result}: created or exists). */
  public void event(String type, String reason, String result) {
    counter(EVENTS, "type", type, "reason", reason, "result", result).increment();
  }

  /** A child was marked terminal because its parent ended. */
  public void childTerminated(String childType, String reason) {
    counter(CHILDREN_TERMINATED, "child_type", childType, "reason", reason).increment();
  }

  /** An approval decision was written to a RAR ({@code result}: written, unchanged, conflict). */
  public void approvalDecisionRecorded(String decision, String result) {
    counter(APPROVAL_DECISIONS_RECORDED, "decision", decision, "result", result).increment();
  }

  private Counter counter(String name, String... tags) {
    for (int i = 1; i < tags.length; i += 2) {
      if (tags[i] == null) {
        tags[i] = "none";
      }
    }
    return registry.counter(name, tags);
  }
}
