package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.Phase;
import com.uber.m3.tally.Scope;
import java.time.Duration;
import java.util.Map;

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
}
