package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.blankToNull;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.info;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.nz;

import ai.kubernaut.orchestrator.workflows.logic.Progress;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.ExecutionRef;
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
import java.util.ArrayList;
import java.util.List;

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
    this.environment = snapshot == null ? null : blankToNull(snapshot.environment());
    this.priority = snapshot == null ? null : blankToNull(snapshot.priority());
  }

  private static final int TIMELINE_MAX = 40;

  /** At most this many WorkflowExecution refs are kept in status (oldest Skipped ones go first). */
  static final int MAX_EXECUTION_REFS = 10;

  final RemediationInput input;

  final RemediationRef rr;

  final RemediationSnapshot snapshot;

  final RemediationSettings settings;

  // the state groups, each changed only through its own methods (docs/architecture.md, Code map)

  final Deadlines deadlines;

  final ChildRegistry children = new ChildRegistry();

  final Recovery recovery;

  final Approvals approvals = new Approvals();

  final Routing routing = new Routing();

  final Notifications notifications = new Notifications();

  // phase, outcome, timeline and the bookkeeping of this run

  Phase phase = Phase.Pending;

  Outcome outcome;

  String reason;

  String message;

  Instant startTime;

  Instant phaseStartTime;

  Instant completionTime;

  Instant retentionExpiryTime;

  long sequence;

  ChildRef signalProcessingRef;

  final List<ChildRef> aiAnalysisRefs = new ArrayList<>();

  final List<ExecutionRef> executionRefs = new ArrayList<>();

  ChildRef approvalRequestRef;

  /** NotificationRequest deliveries are tracked (version of the run's rule). */
  boolean trackNotifications;

  String failurePhase;

  String failureReason;

  String timeoutPhase;

  Instant timeoutTime;

  String waitingFor;

  CurrentChild current;

  int retries;

  String signalProcessingName;

  String analysisName;

  String environment;

  String priority;

  final List<String> timeline = new ArrayList<>();

  int runs = 1;

  int transitionsThisRun;

  /** Continue-as-new follows the server's suggestion in any phase (version of the run's rule). */
  boolean continueInAnyPhase;

  /** The history length when this run first waited (its own events are counted from there). */
  long runBaseline;

  int stepsWritten;

  final List<EventRecord> pendingEvents = new ArrayList<>();

  boolean gone;

  /** An Event waits to be written that no transition will carry soon (a report, not a change). */
  boolean noticePending;

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
    if (phase == Phase.Blocked) {
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
    Instant other = phase == Phase.Blocked ? routing.executingDeadline() : deadlines.phase();
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
    return new DesiredStatus(
        phase,
        outcome,
        reason,
        message,
        startTime,
        phaseStartTime,
        completionTime,
        retentionExpiryTime,
        deadlines.timeouts(),
        new DesiredStatus.Children(
            signalProcessingRef,
            aiAnalysisRefs,
            executionRefs,
            approvalRequestRef,
            notifications.refs()),
        new DesiredStatus.Summaries(
            latest(
                signalProcessingName != null
                    ? signalProcessingName
                    : currentOf(ChildKind.SignalProcessing)),
            latest(
                currentOf(ChildKind.AIAnalysis) != null
                    ? currentOf(ChildKind.AIAnalysis)
                    : analysisName),
            we,
            done,
            total,
            Progress.overall(phase, outcome == Outcome.Remediated, done, total)),
        recovery.toStatus(),
        new DesiredStatus.Failure(failurePhase, failureReason, timeoutPhase, timeoutTime),
        routing.toStatus(),
        approvals.notificationSent());
  }

  ChildStatus executionSummary() {
    String name = currentOf(ChildKind.WorkflowExecution);
    if (name == null && !executionRefs.isEmpty()) {
      name = executionRefs.get(executionRefs.size() - 1).name();
    }
    return latest(name);
  }

  private String currentOf(ChildKind kind) {
    return current != null && current.kind() == kind ? current.name() : null;
  }

  private ChildStatus latest(String name) {
    return children.latest(name);
  }

  /** The WE ref of a superseded execution keeps its place with outcome Superseded. */
  void supersedeExecutionRef(String name, Instant at) {
    for (int i = 0; i < executionRefs.size(); i++) {
      ExecutionRef r = executionRefs.get(i);
      if (r.name().equals(name) && r.outcome() == null) {
        executionRefs.set(
            i,
            new ExecutionRef(
                r.name(), r.uid(), SUPERSEDED, r.attemptNumber(), null, SUPERSEDED, at));
      }
    }
  }

  /** Reason and WE ref outcome of a child an operator retry replaced. */
  static final String SUPERSEDED = "Superseded";

  void closeExecutionRef(ChildStatus s, String result, Instant at) {
    ChildStatus.Execution e = s.execution();
    for (int i = 0; i < executionRefs.size(); i++) {
      ExecutionRef r = executionRefs.get(i);
      if (r.name().equals(s.name())) {
        executionRefs.set(
            i,
            new ExecutionRef(
                r.name(),
                r.uid(),
                result,
                r.attemptNumber(),
                e == null ? null : e.failedStep(),
                e == null ? null : e.failureReason(),
                at));
      }
    }
  }

  Duration phaseBudget() {
    return deadlines.phaseBudget(phase);
  }

  void timeline(String line) {
    timeline.add(now() + " " + line);
    if (timeline.size() > TIMELINE_MAX) {
      timeline.remove(0);
    }
  }

  String severity() {
    return snapshot == null ? null : snapshot.severity();
  }
}
