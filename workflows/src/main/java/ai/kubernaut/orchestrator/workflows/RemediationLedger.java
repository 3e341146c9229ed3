package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.info;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.nz;

import ai.kubernaut.orchestrator.workflows.logic.Progress;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The mutable state of one remediation run and its projection to the desired status written to the
 * RR. A continued run gets it back through {@link CarriedState}.
 */
final class RemediationLedger {

  RemediationLedger(RemediationInput input) {
    this.input = input;
    this.rr = input.rr();
    this.snapshot = input.snapshot();
    this.settings = input.settings();
    this.deadlines = new Deadlines(settings.defaultTimeouts());
    this.recovery =
        new Recovery(
            snapshot != null && snapshot.maxRecoveryAttempts() != null
                ? snapshot.maxRecoveryAttempts()
                : settings.defaultMaxRecoveryAttempts());
    this.analysis = new AnalysisContext(snapshot);
  }

  private final RemediationInput input;

  private final RemediationRef rr;

  private final RemediationSnapshot snapshot;

  private final RemediationSettings settings;

  // the state groups, each changed only through its own methods (docs/architecture.md, Code map)

  private final Lifecycle lifecycle = new Lifecycle();

  private final Waiting waiting = new Waiting();

  private final AnalysisContext analysis;

  private final ChildRefs refs = new ChildRefs();

  private final Journal journal = new Journal();

  private final RunBookkeeping run = new RunBookkeeping();

  private final Deadlines deadlines;

  private final ChildRegistry children = new ChildRegistry();

  private final Recovery recovery;

  private final Approvals approvals = new Approvals();

  private final Routing routing = new Routing();

  private final Notifications notifications = new Notifications();

  RemediationInput input() {
    return input;
  }

  RemediationRef rr() {
    return rr;
  }

  RemediationSnapshot snapshot() {
    return snapshot;
  }

  RemediationSettings settings() {
    return settings;
  }

  Lifecycle lifecycle() {
    return lifecycle;
  }

  Waiting waiting() {
    return waiting;
  }

  AnalysisContext analysis() {
    return analysis;
  }

  ChildRefs refs() {
    return refs;
  }

  Journal journal() {
    return journal;
  }

  RunBookkeeping run() {
    return run;
  }

  Deadlines deadlines() {
    return deadlines;
  }

  ChildRegistry children() {
    return children;
  }

  Recovery recovery() {
    return recovery;
  }

  Approvals approvals() {
    return approvals;
  }

  Routing routing() {
    return routing;
  }

  Notifications notifications() {
    return notifications;
  }

  /**
   * Kubernetes writes of a running phase may retry until the deadline the workflow waits for (at
   * least this long, so a call made as the deadline passes still gets a few attempts).
   */
  static final Duration MIN_ACTIVITY_BUDGET = Duration.ofSeconds(10);

  /**
   * How long a Kubernetes write may keep retrying: until the deadline the workflow would wake for
   * (phase or global; while Blocked the end of the block), or, once the remediation is ending,
   * until the ending budget is spent; never less than {@link #MIN_ACTIVITY_BUDGET}.
   */
  Duration activityBudget() {
    Instant at = deadlines.ending() != null ? deadlines.ending() : budgetDeadline();
    if (at == null) {
      return deadlines.timeouts().global();
    }
    Duration d = Duration.between(now(), at);
    return d.compareTo(MIN_ACTIVITY_BUDGET) < 0 ? MIN_ACTIVITY_BUDGET : d;
  }

  /** The deadline the running phase's work is bounded by; null when there is none. */
  Instant budgetDeadline() {
    if (deadlines.creatingUntil() != null) {
      return deadlines.creatingUntil();
    }
    if (lifecycle.phase() == Phase.Blocked) {
      Instant at = null;
      if (routing.executingDeadline() != null) {
        at = earlier(routing.executingDeadline(), deadlines.global());
      }
      at = earlier(at, routing.blockedUntil());
      return earlier(at, routing.blockedDeadline());
    }
    return earlier(deadlines.phase(), deadlines.global());
  }

  /** Whether the deadline of the current global timer is the nearer one (or the only one). */
  boolean globalIsNearer() {
    Instant other =
        lifecycle.phase() == Phase.Blocked ? routing.executingDeadline() : deadlines.phase();
    Instant global = deadlines.global();
    return other == null || (global != null && !global.isAfter(other));
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  RoutingRequest routingRequestOf() {
    if (snapshot == null
        || snapshot.target() == null
        || snapshot.signalFingerprint() == null
        || snapshot.signalFingerprint().isBlank()) {
      return null;
    }
    return new RoutingRequest(
        rr,
        info().id(),
        snapshot.signalFingerprint(),
        snapshot.target(),
        input.creationTimestamp(),
        settings.routing());
  }

  DesiredStatus status() {
    ChildStatus we = executionSummary();
    int done = we == null || we.execution() == null ? 0 : nz(we.execution().stepsCompleted());
    int total = we == null || we.execution() == null ? 0 : nz(we.execution().totalSteps());
    Phase phase = lifecycle.phase();
    return new DesiredStatus(
        phase,
        lifecycle.outcome(),
        lifecycle.reason(),
        lifecycle.message(),
        lifecycle.startTime(),
        lifecycle.phaseStartTime(),
        lifecycle.completionTime(),
        lifecycle.retentionExpiryTime(),
        deadlines.timeouts(),
        refs.toStatus(notifications.refs()),
        new DesiredStatus.Summaries(
            latest(
                analysis.signalProcessingName() != null
                    ? analysis.signalProcessingName()
                    : currentOf(ChildKind.SignalProcessing)),
            latest(
                currentOf(ChildKind.AIAnalysis) != null
                    ? currentOf(ChildKind.AIAnalysis)
                    : analysis.analysisName()),
            we,
            done,
            total,
            Progress.overall(phase, lifecycle.outcome() == Outcome.Remediated, done, total)),
        recovery.toStatus(),
        lifecycle.failure(),
        routing.toStatus(),
        approvals.notificationSent());
  }

  ChildStatus executionSummary() {
    String name = currentOf(ChildKind.WorkflowExecution);
    if (name == null) {
      name = refs.lastExecutionName();
    }
    return latest(name);
  }

  private String currentOf(ChildKind kind) {
    CurrentChild current = waiting.current();
    return current != null && current.kind() == kind ? current.name() : null;
  }

  private ChildStatus latest(String name) {
    return children.latest(name);
  }

  Duration phaseBudget() {
    return deadlines.phaseBudget(lifecycle.phase());
  }

  String severity() {
    return snapshot == null ? null : snapshot.severity();
  }
}
