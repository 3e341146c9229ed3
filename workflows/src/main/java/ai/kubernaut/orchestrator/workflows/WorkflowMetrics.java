package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import com.uber.m3.tally.Scope;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics the workflow emits through {@code Workflow.getMetricsScope()} (replay-safe: nothing
 * is recorded while a history replays). The SDK's Micrometer reporter turns them into {@code
 * kubernaut_remediationorchestrator_*} Prometheus series (counters get {@code _total}, timers
 * {@code _seconds}). Tags never hold the RR name or the workflow ID; {@code namespace} is the RR's
 * Kubernetes namespace (it replaces the SDK's Temporal-namespace tag on these series only).
 */
public final class WorkflowMetrics {

  public static final String PREFIX = "kubernaut_remediationorchestrator_";
  public static final String PHASE_TRANSITIONS = PREFIX + "phase_transitions";
  public static final String TIMEOUTS = PREFIX + "timeouts";
  public static final String RECOVERY_ATTEMPTS = PREFIX + "recovery_attempts";
  public static final String APPROVAL_DECISIONS = PREFIX + "approval_decisions";
  public static final String REMEDIATION_DURATION = PREFIX + "remediation_duration";
  public static final String PHASE_DURATION = PREFIX + "phase_duration";
  public static final String BLOCKED = PREFIX + "blocked";
  public static final String UNBLOCKED = PREFIX + "unblocked";
  public static final String BLOCKED_CURRENT = PREFIX + "blocked_current";
  public static final String DUPLICATES = PREFIX + "duplicates";
  public static final String LOCK_WAIT = PREFIX + "lock_wait";
  public static final String NOTIFICATION_FAILURES = PREFIX + "notification_failures";

  /**
   * Remediations blocked right now, per reason, as seen by this worker process: raised when a
   * remediation enters Blocked and lowered when it leaves, only on live (not replayed) execution. A
   * remediation that blocks on one replica and unblocks on another lowers the other's value, so the
   * cluster-wide figure is {@code sum(blocked_current)} (equal to {@code sum(blocked_total) -
   * sum(unblocked_total)}, which also survives restarts).
   */
  private static final Map<String, AtomicLong> CURRENT_BLOCKED = new ConcurrentHashMap<>();

  private final Scope scope;
  private final String namespace;

  WorkflowMetrics(Scope scope, String namespace) {
    this.scope = scope;
    this.namespace = namespace == null ? "" : namespace;
  }

  void phaseTransition(Phase from, Phase to, Duration timeInFrom) {
    scope
        .tagged(Map.of("from_phase", from.name(), "to_phase", to.name(), "namespace", namespace))
        .counter(PHASE_TRANSITIONS)
        .inc(1);
    scope
        .tagged(Map.of("phase", from.name(), "namespace", namespace))
        .timer(PHASE_DURATION)
        .record(com.uber.m3.util.Duration.ofMillis(timeInFrom.toMillis()));
  }

  void timeout(String phase) {
    scope.tagged(Map.of("phase", phase, "namespace", namespace)).counter(TIMEOUTS).inc(1);
  }

  void recoveryAttempt(boolean started, String reason) {
    scope
        .tagged(
            Map.of(
                "result", started ? "started" : "refused",
                "reason", reason == null ? "" : reason,
                "namespace", namespace))
        .counter(RECOVERY_ATTEMPTS)
        .inc(1);
  }

  void approvalDecision(String decision, String via) {
    scope
        .tagged(Map.of("decision", decision, "via", via, "namespace", namespace))
        .counter(APPROVAL_DECISIONS)
        .inc(1);
  }

  void remediationEnded(Phase phase, String outcome, Duration total) {
    scope
        .tagged(Map.of("phase", phase.name(), "outcome", outcome, "namespace", namespace))
        .timer(REMEDIATION_DURATION)
        .record(com.uber.m3.util.Duration.ofMillis(total.toMillis()));
  }

  void blocked(String reason) {
    String r = reason == null ? "" : reason;
    scope.tagged(Map.of("reason", r, "namespace", namespace)).counter(BLOCKED).inc(1);
    current(r, 1);
  }

  void unblocked(String reason) {
    String r = reason == null ? "" : reason;
    scope.tagged(Map.of("reason", r, "namespace", namespace)).counter(UNBLOCKED).inc(1);
    current(r, -1);
  }

  private void current(String reason, int delta) {
    if (io.temporal.workflow.Workflow.isReplaying()) {
      return;
    }
    long v = CURRENT_BLOCKED.computeIfAbsent(reason, k -> new AtomicLong()).addAndGet(delta);
    scope.tagged(Map.of("reason", reason)).gauge(BLOCKED_CURRENT).update(v);
  }

  void duplicate(String reason) {
    scope.tagged(Map.of("reason", reason, "namespace", namespace)).counter(DUPLICATES).inc(1);
  }

  /** A NotificationRequest reported Failed (its controller could not deliver it). */
  void notificationFailed(NotificationType type) {
    scope
        .tagged(Map.of("type", type.name(), "namespace", namespace))
        .counter(NOTIFICATION_FAILURES)
        .inc(1);
  }

  void lockWait(Duration waited) {
    scope
        .tagged(Map.of("namespace", namespace))
        .timer(LOCK_WAIT)
        .record(com.uber.m3.util.Duration.ofMillis(waited.toMillis()));
  }
}
