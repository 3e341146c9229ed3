package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationActivityOptions.withSummary;

import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.ClusterActivities;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import ai.kubernaut.orchestrator.workflows.logic.AnalysisRules;
import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.logic.CurrentDetails;
import ai.kubernaut.orchestrator.workflows.logic.FailureReasons;
import ai.kubernaut.orchestrator.workflows.logic.Names;
import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.logic.PhaseTransitions;
import ai.kubernaut.orchestrator.workflows.logic.Progress;
import ai.kubernaut.orchestrator.workflows.logic.RecoveryPolicy;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.ApprovalCommand;
import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.ApprovalResult;
import ai.kubernaut.orchestrator.workflows.model.ChildKey;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildObservation;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.DuplicateNotice;
import ai.kubernaut.orchestrator.workflows.model.DuplicateResolution;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.ExecutionRef;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutRequest;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutResult;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRelease;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import ai.kubernaut.orchestrator.workflows.model.RecoveryContext;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.OperatorDecision;
import ai.kubernaut.orchestrator.workflows.model.RetryRequest;
import ai.kubernaut.orchestrator.workflows.model.RetryResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingState;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import ai.kubernaut.orchestrator.workflows.routing.RoutingIds;
import ai.kubernaut.orchestrator.workflows.routing.TargetLockWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The durable phase machine of one RemediationRequest (SPEC §3).
 *
 * <p>Shape: the main method runs {@code begin} (Pending: validate, create the SignalProcessing),
 * then loops "wait for a wake-up, then react under the lock" until the phase is terminal. A wake-up
 * is the current child reaching a terminal phase (signal, or the re-read before a timeout), an
 * operator approval decision, WorkflowExecution progress, a phase or global deadline, or the
 * continue-as-new threshold. Every transition creates the next child (if any), writes the full
 * desired status with its Events under a new sequence number, upserts the search attributes and
 * updates the current details. Handlers that run activities (retry, approve, reject, extendTimeout)
 * hold the same {@link WorkflowLock}, so they never interleave with a transition.
 */
public class RemediationWorkflowImpl implements RemediationWorkflow {

  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  /** The principal recorded on a RAR when the orchestrator itself expires it. */
  static final String ORCHESTRATOR = "kubernaut-remediation-orchestrator";

  private static final Set<String> CONFIGURATION_FAILURES =
      Set.of(
          FailureTypes.INVALID_SPEC,
          FailureTypes.CHILD_OWNED_BY_OTHER,
          FailureTypes.FORBIDDEN,
          FailureTypes.NOT_FOUND);

  private static final int TIMELINE_MAX = 40;

  /** What woke the main loop. */
  private enum Wake {
    CHILD_DONE,
    OPERATOR_DECISION,
    PROGRESS,
    GLOBAL_DEADLINE,
    PHASE_DEADLINE,
    CONTINUE_AS_NEW,
    /** Blocked: the owner ended, the lock was granted, or the block's time is up. */
    ROUTING,
    /** The coordinator registered new duplicates of this remediation: show them in status. */
    DUPLICATES
  }

  /** The RR is gone (deleted, status write answered GONE): nothing more can be written. */
  private static final class RemediationGone extends RuntimeException {
    RemediationGone(String message) {
      super(message, null, false, false);
    }
  }

  private final WorkflowLock lock = Workflow.newWorkflowLock();

  // ---- fixed for the run
  private final RemediationInput input;
  private final RemediationRef rr;
  private final RemediationSnapshot snapshot;
  private final RemediationSettings settings;
  private final WorkflowMetrics metrics;

  // ---- phase and status
  private Phase phase = Phase.Pending;
  private Outcome outcome;
  private String reason;
  private String message;
  private Instant startTime;
  private Instant phaseStartTime;
  private Instant completionTime;
  private Instant retentionExpiryTime;
  private PhaseTimeouts timeouts;
  private long sequence;
  private ChildRef signalProcessingRef;
  private final List<ChildRef> aiAnalysisRefs = new ArrayList<>();
  private final List<ExecutionRef> executionRefs = new ArrayList<>();
  private ChildRef approvalRequestRef;
  private final List<NotificationRef> notificationRefs = new ArrayList<>();
  private int recoveryAttempts;
  private int maxRecoveryAttempts;
  private Instant lastFailureTime;
  private String recoveryReason;
  private boolean escalatedToManualReview;
  private String failurePhase;
  private String failureReason;
  private String timeoutPhase;
  private Instant timeoutTime;
  private boolean approvalNotificationSent;

  // ---- orchestration state
  private String waitingFor;
  private Instant phaseDeadline;
  private Instant globalDeadline;
  private int deadlineVersion;
  private CurrentChild current;
  private int retries;
  private String signalProcessingName;
  private String analysisName;
  private RecoveryContext recoveryContext;
  private String environment;
  private String priority;
  private OperatorDecision operatorDecision;
  private final Set<String> children = new LinkedHashSet<>();
  private final Map<String, ChildStatus> observed = new LinkedHashMap<>();
  private final Set<String> failurePatterns = new LinkedHashSet<>();
  private final List<String> timeline = new ArrayList<>();
  private int runs = 1;
  private int transitionsThisRun;
  private int stepsWritten;
  private final List<EventRecord> pendingEvents = new ArrayList<>();
  private boolean gone;

  // ---- routing (SPEC §5)
  private RoutingRequest routingRequest;
  private boolean registered;
  private String blockReason;
  private Instant blockedUntil;
  private Instant blockedSince;
  private String duplicateOf;
  private String duplicateOfWorkflowId;
  private final List<String> duplicates = new ArrayList<>();
  private int duplicateCountWritten;
  private Instant lastDuplicateTime;
  private String skipReason;
  private DuplicateResolution resolution;
  private int lockAttempt;
  private boolean lockHeld;
  private boolean lockQueued;
  private LockAnswer grant;
  private Instant lockQueuedAt;
  private String selectedWorkflowId;
  private int executionRetries;
  private String blockedMetricReason;

  @WorkflowInit
  public RemediationWorkflowImpl(RemediationInput input) {
    this.input = input;
    this.rr = input.rr();
    this.snapshot = input.snapshot();
    this.settings = input.settings();
    this.metrics = new WorkflowMetrics(Workflow.getMetricsScope(), rr.namespace());
    this.timeouts = settings.defaultTimeouts();
    this.maxRecoveryAttempts =
        snapshot != null && snapshot.maxRecoveryAttempts() != null
            ? snapshot.maxRecoveryAttempts()
            : settings.defaultMaxRecoveryAttempts();
    this.environment = snapshot == null ? null : blankToNull(snapshot.environment());
    this.priority = snapshot == null ? null : blankToNull(snapshot.priority());
    if (input.carriedState() != null) {
      restore(input.carriedState());
    }
  }

  // =====================================================================================
  // main method

  @Override
  public RemediationResult run(RemediationInput ignored) {
    try {
      if (phase == Phase.Pending) {
        guarded(this::begin);
      } else {
        resume();
      }
      while (!phase.isTerminal()) {
        guarded(this::step);
      }
    } catch (CanceledFailure e) {
      compensateCancellation();
      throw e;
    } catch (RuntimeException e) {
      if (cancelRequested()) {
        compensateCancellation();
        throw new CanceledFailure("remediation cancelled");
      }
      if (e instanceof TemporalFailure || phase.isTerminal()) {
        throw e;
      }
      log.error(
          "workflow bug in phase {}: ending the remediation as Failed/InternalError", phase, e);
      internalError(e);
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return result();
  }

  /** Runs one step; activity failures and a vanished RR become terminal transitions. */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (ActivityFailure f) {
      if (cancelRequested()) {
        throw new CanceledFailure("remediation cancelled");
      }
      onActivityFailure(f);
    } catch (RemediationGone g) {
      onRemediationGone(g.getMessage());
    }
  }

  /** Pending: validate the spec, fix the effective timeouts, start processing. */
  private void begin() {
    lock.lock();
    try {
      Instant now = now();
      startTime = now;
      phaseStartTime = now;
      globalDeadline = Timeouts.deadline(now, timeouts.global());
      phaseDeadline = globalDeadline;
      waitingFor = "spec validation";
      timeline("started");
      upsertSearchAttributes();
      updateDetails();

      ValidationResult v =
          validation("validate RemediationRequest " + rr.name()).validateRemediation(rr);
      if (!v.valid()) {
        String first = v.violations().get(0).toString();
        terminal(
            Phase.Failed,
            Outcome.Failed,
            "InvalidSpec",
            "invalid RemediationRequest spec: " + joinViolations(v),
            FailureReasons.CONFIGURATION,
            first,
            NotificationType.Escalation,
            NotificationRules.escalation(false, severity()),
            null);
        return;
      }
      timeouts = settings.defaultTimeouts().withOverrides(v.timeoutOverrides());
      if (v.maxRecoveryAttempts() != null) {
        maxRecoveryAttempts = v.maxRecoveryAttempts();
      }
      globalDeadline = Timeouts.deadline(startTime, timeouts.global());
      if (routeAtStart()) {
        enterProcessing();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A continued run: show where we are again; the loop picks up the same wait. */
  private void resume() {
    log.info("continued as new in phase {} (run {})", phase, runs);
    upsertSearchAttributes();
    updateDetails();
  }

  private void step() {
    Wake wake = awaitWake();
    if (wake == Wake.CONTINUE_AS_NEW) {
      continueAsNew();
      return;
    }
    lock.lock();
    try {
      // a handler may have changed the picture while we waited for the lock
      Wake now = pendingWake();
      if (now != null) {
        react(now);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until something needs a reaction: a Temporal timer (with a summary) on the nearest
   * deadline, woken early by signals and updates; a moved deadline restarts the timer.
   */
  private Wake awaitWake() {
    while (true) {
      // before any reaction: a pending wake is carried over and handled by the next run
      if (continueAsNewDue()) {
        return Wake.CONTINUE_AS_NEW;
      }
      Wake wake = pendingWake();
      if (wake != null) {
        return wake;
      }
      if (phase == Phase.Blocked) {
        awaitUnblock();
        continue;
      }
      boolean global = !globalDeadline.isAfter(phaseDeadline);
      Instant at = global ? globalDeadline : phaseDeadline;
      Duration remaining = Duration.between(now(), at);
      if (remaining.compareTo(Duration.ofMillis(1)) < 0) {
        remaining = Duration.ofMillis(1);
      }
      String summary =
          global
              ? "global timeout " + Timeouts.human(timeouts.global())
              : phase.name().toLowerCase() + " timeout " + Timeouts.human(phaseBudget());
      int version = deadlineVersion;
      Duration delay = remaining;
      @SuppressWarnings("unchecked")
      Promise<Void>[] timer = new Promise[1];
      CancellationScope scope =
          Workflow.newCancellationScope(
              () ->
                  timer[0] =
                      Workflow.newTimer(
                          delay, TimerOptions.newBuilder().setSummary(summary).build()));
      scope.run();
      Workflow.await(
          () ->
              timer[0].isCompleted()
                  || deadlineVersion != version
                  || pendingWake() != null
                  || continueAsNewDue());
      if (!timer[0].isCompleted()) {
        scope.cancel();
      }
    }
  }

  /**
   * Blocked: no phase or global timer runs (the block ends with the owner, the lock holder, or at
   * blockedUntil, each bounded by their own timers); only blockedUntil is a Temporal timer.
   */
  private void awaitUnblock() {
    int version = deadlineVersion;
    if (blockedUntil == null) {
      Workflow.await(
          () -> deadlineVersion != version || pendingWake() != null || continueAsNewDue());
      return;
    }
    Duration remaining = Duration.between(now(), blockedUntil);
    if (remaining.compareTo(Duration.ofMillis(1)) < 0) {
      remaining = Duration.ofMillis(1);
    }
    Duration delay = remaining;
    String summary = "blocked (" + blockReason + ") until " + blockedUntil;
    @SuppressWarnings("unchecked")
    Promise<Void>[] timer = new Promise[1];
    CancellationScope scope =
        Workflow.newCancellationScope(
            () ->
                timer[0] =
                    Workflow.newTimer(
                        delay, TimerOptions.newBuilder().setSummary(summary).build()));
    scope.run();
    Workflow.await(
        () ->
            timer[0].isCompleted()
                || deadlineVersion != version
                || pendingWake() != null
                || continueAsNewDue());
    if (!timer[0].isCompleted()) {
      scope.cancel();
    }
  }

  /** The reaction the current state calls for, if any (no side effects). */
  private Wake pendingWake() {
    if (phase.isTerminal() || phase == Phase.Pending) {
      return null;
    }
    if (phase == Phase.Blocked) {
      if (unblockDue()) {
        return Wake.ROUTING;
      }
      return duplicates.size() != duplicateCountWritten ? Wake.DUPLICATES : null;
    }
    if (current == null) {
      return null;
    }
    ChildStatus s = observed.get(current.name());
    if (s != null && ChildPhases.isTerminal(current.kind(), s.phase())) {
      return Wake.CHILD_DONE;
    }
    if (phase == Phase.AwaitingApproval && operatorDecision != null) {
      return Wake.OPERATOR_DECISION;
    }
    if (current.kind() == ChildKind.WorkflowExecution
        && s != null
        && nz(steps(s)) != stepsWritten) {
      return Wake.PROGRESS;
    }
    if (duplicates.size() != duplicateCountWritten) {
      return Wake.DUPLICATES;
    }
    Instant now = now();
    if (!now.isBefore(globalDeadline)) {
      return Wake.GLOBAL_DEADLINE;
    }
    if (!now.isBefore(phaseDeadline)) {
      return Wake.PHASE_DEADLINE;
    }
    return null;
  }

  private void react(Wake wake) {
    switch (wake) {
      case CHILD_DONE -> onChildDone(observed.get(current.name()));
      case OPERATOR_DECISION ->
          onApprovalDecision(
              operatorDecision.decision(),
              operatorDecision.by(),
              operatorDecision.message(),
              "temporal");
      case PROGRESS -> write();
      case GLOBAL_DEADLINE, PHASE_DEADLINE -> onDeadline(wake == Wake.GLOBAL_DEADLINE);
      case ROUTING -> onUnblock();
      case DUPLICATES -> {
        pendingEvents.add(
            EventRecord.normal(
                "DuplicateDetected",
                String.join(", ", duplicates.subList(duplicateCountWritten, duplicates.size()))
                    + " registered as duplicate; "
                    + duplicates.size()
                    + " in total"));
        write();
      }
      default -> throw new IllegalStateException("unexpected wake " + wake);
    }
  }

  // =====================================================================================
  // phase entries

  private void enterProcessing() {
    String name = Names.signalProcessing(rr.name());
    enterChildPhase(
        Phase.Processing,
        ChildKind.SignalProcessing,
        name,
        "SignalProcessing " + name + " to classify the signal",
        EventRecord.normal("SignalProcessingCreated", "created SignalProcessing " + name));
  }

  private void enterAnalyzing() {
    String name = Names.aiAnalysis(rr.name());
    enterChildPhase(
        Phase.Analyzing,
        ChildKind.AIAnalysis,
        name,
        "AIAnalysis " + name + " to find the root cause",
        EventRecord.normal("AIAnalysisCreated", "created AIAnalysis " + name));
  }

  private void enterRecovering(ChildStatus failed) {
    String name = Names.recoveryAiAnalysis(rr.name(), recoveryAttempts);
    enterChildPhase(
        Phase.Recovering,
        ChildKind.AIAnalysis,
        name,
        "recovery AIAnalysis " + name + " (attempt " + recoveryAttempts + ")",
        EventRecord.warning(
            "WorkflowExecutionFailed",
            "WorkflowExecution " + failed.name() + " failed: " + recoveryReason),
        EventRecord.normal(
            "RecoveryStarted",
            "recovery attempt "
                + recoveryAttempts
                + " of "
                + maxRecoveryAttempts
                + ": created AIAnalysis "
                + name));
  }

  private void enterAwaitingApproval(String why, EventRecord... extra) {
    String name =
        recoveryAttempts == 0
            ? Names.approvalRequest(rr.name())
            : Names.recoveryApprovalRequest(rr.name(), recoveryAttempts);
    operatorDecision = null;
    List<EventRecord> events = new ArrayList<>(List.of(extra));
    events.add(
        EventRecord.normal(
            "ApprovalRequired",
            "created RemediationApprovalRequest " + name + (why == null ? "" : ": " + why)));
    enterChildPhase(
        Phase.AwaitingApproval,
        ChildKind.RemediationApprovalRequest,
        name,
        "a decision on RemediationApprovalRequest " + name,
        events.toArray(EventRecord[]::new));
  }

  /**
   * Executing needs the target's execution lock first (SPEC §5 ResourceBusy): granted → the WE is
   * created; queued → Blocked until the lock workflow signals the grant; the same workflow
   * completed on the target within the cooldown → Skipped/RecentlyRemediated.
   */
  private void enterExecuting(EventRecord... extra) {
    if (routingRequest == null) {
      createExecution(extra);
      return;
    }
    pendingEvents.addAll(List.of(extra));
    lockAttempt++;
    grant = null;
    LockAnswer a =
        routing("acquire execution lock " + RoutingIds.lock(snapshot.target()))
            .acquireExecutionLock(
                new LockRequest(
                    info().id,
                    rr.name(),
                    snapshot.target(),
                    selectedWorkflowId,
                    lockAttempt,
                    settings.routing().recentlyRemediatedCooldown()));
    switch (a.decision()) {
      case LockAnswer.GRANTED -> {
        lockHeld = true;
        createExecution();
      }
      case LockAnswer.QUEUED -> {
        lockQueued = true;
        lockQueuedAt = now();
        enterBlocked(
            RoutingVerdict.RESOURCE_BUSY,
            null,
            "target "
                + snapshot.target().display()
                + " is busy: a WorkflowExecution of "
                + a.holder()
                + " runs there; queued at position "
                + a.position(),
            "the execution lock on "
                + snapshot.target().display()
                + " (held by "
                + a.holder()
                + ")");
      }
      default -> skipRecentlyRemediated(a);
    }
  }

  private void createExecution(EventRecord... extra) {
    String base =
        recoveryAttempts == 0
            ? Names.workflowExecution(rr.name())
            : Names.recoveryWorkflowExecution(rr.name(), recoveryAttempts);
    String name = executionRetries == 0 ? base : Names.withRetry(base, executionRetries);
    List<EventRecord> events = new ArrayList<>(List.of(extra));
    events.add(EventRecord.normal("WorkflowExecutionCreated", "created WorkflowExecution " + name));
    enterChildPhase(
        Phase.Executing,
        ChildKind.WorkflowExecution,
        name,
        "WorkflowExecution " + name + " to run the remediation",
        events.toArray(EventRecord[]::new));
  }

  /**
   * One transition into a waiting phase: the child is registered (so its signals are accepted even
   * before the create returns), created or adopted, the phase changes, status is written.
   */
  private void enterChildPhase(
      Phase to, ChildKind kind, String name, String waitsFor, EventRecord... events) {
    Phase from = phase;
    PhaseTransitions.check(from, to);
    Instant now = now();
    Instant deadline = Timeouts.deadline(now, Timeouts.forPhase(timeouts, to));
    children.add(name);
    ChildRef ref = createChild(kind, name, to, deadline);
    current = new CurrentChild(kind, name, name, 0);
    changePhase(from, to, now, deadline, waitsFor);
    pendingEvents.addAll(List.of(events));
    if (to == Phase.AwaitingApproval && !approvalNotificationSent) {
      // exactly one Approval NR per RR: a recovery's second approval gets the RAR and an Event
      approvalNotificationSent =
          notify(NotificationType.Approval, NotificationRules.approval(severity()), null);
    }
    timeline(to + ": " + (ref.adopted() ? "adopted " : "created ") + kind + " " + name);
    write();
    afterTransition();
  }

  /** Creates (or adopts) a child of {@code kind} and records its ref in status. */
  private ChildRef createChild(ChildKind kind, String name, Phase forPhase, Instant deadline) {
    ChildActivities child = child("create " + kind + " " + name);
    ChildRef ref =
        switch (kind) {
          case SignalProcessing ->
              child.createSignalProcessing(new CreateSignalProcessing(rr, name, deadline));
          case AIAnalysis ->
              child.createAIAnalysis(
                  new CreateAIAnalysis(
                      rr,
                      name,
                      signalProcessingName,
                      forPhase == Phase.Recovering ? recoveryContext : null,
                      deadline));
          case RemediationApprovalRequest ->
              child.createApprovalRequest(
                  new CreateApprovalRequest(rr, name, analysisName, deadline));
          case WorkflowExecution ->
              child.createWorkflowExecution(
                  new CreateWorkflowExecution(
                      rr, name, analysisName, recoveryAttempts + 1, deadline));
          case NotificationRequest ->
              throw new IllegalArgumentException("NotificationRequests are not phase children");
        };
    switch (kind) {
      case SignalProcessing -> signalProcessingRef = ref;
      case AIAnalysis -> aiAnalysisRefs.add(ref);
      case RemediationApprovalRequest -> approvalRequestRef = ref;
      case WorkflowExecution ->
          executionRefs.add(
              new ExecutionRef(
                  ref.name(), ref.uid(), null, recoveryAttempts + 1, null, null, null));
      default -> {}
    }
    return ref;
  }

  // =====================================================================================
  // reactions

  private void onChildDone(ChildStatus s) {
    switch (current.kind()) {
      case SignalProcessing -> onSignalProcessingDone(s);
      case AIAnalysis -> onAnalysisDone(s);
      case RemediationApprovalRequest -> {
        ChildStatus.Approval a = s.approval();
        onApprovalDecision(
            s.phase(),
            a == null ? null : a.decidedBy(),
            a == null ? s.message() : a.decisionMessage(),
            "RemediationApprovalRequest");
      }
      case WorkflowExecution -> onExecutionDone(s);
      default -> throw new IllegalStateException("no wait on " + current.kind());
    }
  }

  private void onSignalProcessingDone(ChildStatus s) {
    if (ChildPhases.FAILED.equals(s.phase())) {
      terminal(
          Phase.Failed,
          Outcome.Failed,
          "SignalProcessingFailed",
          "SignalProcessing " + s.name() + " failed" + suffix(s.message()),
          FailureReasons.SIGNAL_PROCESSING,
          "SignalProcessingFailed",
          NotificationType.Escalation,
          NotificationRules.escalation(false, severity()),
          null);
      return;
    }
    signalProcessingName = s.name();
    if (s.classification() != null) {
      if (environment == null) {
        environment = blankToNull(s.classification().environment());
      }
      if (priority == null) {
        priority = blankToNull(s.classification().priority());
      }
    }
    enterAnalyzing();
  }

  private void onAnalysisDone(ChildStatus s) {
    analysisName = s.name();
    if (s.analysis() != null && s.analysis().hasSelectedWorkflow()) {
      selectedWorkflowId = s.analysis().selectedWorkflowId();
    }
    AnalysisRules.Decision d = AnalysisRules.decide(s);
    switch (d.next()) {
      case NO_ACTION ->
          terminal(
              Phase.Completed,
              Outcome.NoActionRequired,
              AnalysisRules.WORKFLOW_NOT_NEEDED,
              "AIAnalysis "
                  + s.name()
                  + " found that no remediation is needed"
                  + suffix(s.message()),
              null,
              null,
              null,
              null,
              null);
      case MANUAL_REVIEW ->
          terminal(
              Phase.Failed,
              Outcome.ManualReviewRequired,
              d.reason(),
              "AIAnalysis "
                  + s.name()
                  + (ChildPhases.FAILED.equals(s.phase())
                      ? " failed"
                      : " selected no workflow that can run unattended")
                  + suffix(s.message()),
              FailureReasons.AI_ANALYSIS,
              d.reason(),
              NotificationType.ManualReview,
              NotificationRules.manualReview(false, severity()),
              null);
      case AWAIT_APPROVAL -> enterAwaitingApproval(d.reason());
      case EXECUTE -> enterExecuting();
    }
  }

  private void onApprovalDecision(String decision, String by, String msg, String via) {
    metrics.approvalDecision(decision, via);
    String who = by == null || by.isBlank() ? "" : " by " + by;
    String rar = current.name();
    switch (decision) {
      case ChildPhases.APPROVED ->
          enterExecuting(
              EventRecord.normal(
                  "ApprovalGranted",
                  "RemediationApprovalRequest " + rar + " approved" + who + suffix(msg)));
      case ChildPhases.REJECTED ->
          terminal(
              Phase.Failed,
              Outcome.Failed,
              "ApprovalRejected",
              "RemediationApprovalRequest " + rar + " rejected" + who + suffix(msg),
              FailureReasons.APPROVAL,
              "ApprovalRejected",
              NotificationType.Escalation,
              NotificationRules.escalation(false, severity()),
              null);
      default ->
          terminal(
              Phase.Failed,
              Outcome.Failed,
              "ApprovalExpired",
              "RemediationApprovalRequest " + rar + " expired without a decision" + suffix(msg),
              FailureReasons.APPROVAL,
              "ApprovalExpired",
              NotificationType.Escalation,
              NotificationRules.escalation(false, severity()),
              null);
    }
  }

  private void onExecutionDone(ChildStatus s) {
    ChildStatus.Execution e = s.execution();
    Instant done = now();
    // the WE ended: the target is free for the next remediation (a completion starts the cooldown)
    releaseLock(ChildPhases.COMPLETED.equals(s.phase()) ? selectedWorkflowId : null);
    switch (s.phase()) {
      case ChildPhases.COMPLETED -> {
        closeExecutionRef(s, "Completed", done);
        terminal(
            Phase.Completed,
            Outcome.Remediated,
            "Remediated",
            "WorkflowExecution " + s.name() + " completed" + suffix(s.message()),
            null,
            null,
            NotificationType.Completion,
            NotificationRules.informational(),
            null);
      }
      case ChildPhases.SKIPPED -> onExecutionSkipped(s, done);
      default -> onExecutionFailed(s, done);
    }
  }

  /** A WE reported Skipped: handled like the routing decision of the same name (SPEC §5). */
  private void onExecutionSkipped(ChildStatus s, Instant done) {
    ChildStatus.Execution e = s.execution();
    closeExecutionRef(s, "Skipped", done);
    String skip = e == null || e.skipReason() == null ? "" : e.skipReason();
    switch (skip) {
      case RoutingVerdict.RESOURCE_BUSY -> {
        executionRetries++;
        Instant until = Timeouts.deadline(done, settings.resourceBusyRetry());
        enterBlocked(
            RoutingVerdict.RESOURCE_BUSY,
            until,
            "WorkflowExecution "
                + s.name()
                + " was skipped: the target is busy (ResourceBusy); queuing again at "
                + until,
            "a retry of the WorkflowExecution at " + until);
      }
      case RoutingVerdict.RECENTLY_REMEDIATED -> {
        skipReason = RoutingVerdict.RECENTLY_REMEDIATED;
        metrics.duplicate(RoutingVerdict.RECENTLY_REMEDIATED);
        terminal(
            Phase.Skipped,
            Outcome.Deduplicated,
            RoutingVerdict.RECENTLY_REMEDIATED,
            "WorkflowExecution " + s.name() + " was skipped: " + skip + suffix(s.message()),
            null,
            null,
            null,
            null,
            null);
      }
      default ->
          terminal(
              Phase.Failed,
              Outcome.Failed,
              "UnknownSkipReason",
              "WorkflowExecution "
                  + s.name()
                  + " was skipped for an unknown reason: "
                  + (skip.isEmpty() ? "(none given)" : skip)
                  + suffix(s.message()),
              FailureReasons.WORKFLOW_EXECUTION,
              skip.isEmpty() ? "UnknownSkipReason" : skip,
              NotificationType.Escalation,
              NotificationRules.escalation(false, severity()),
              null);
    }
  }

  private void onExecutionFailed(ChildStatus s, Instant at) {
    ChildStatus.Execution e = s.execution();
    closeExecutionRef(s, "Failed", at);
    lastFailureTime = at;
    recoveryReason =
        FailureReasons.recoveryReason(
            e == null ? null : e.errorType(), e == null ? null : e.failedStep());
    String pattern = RecoveryPolicy.pattern(e);
    RecoveryPolicy.Verdict verdict =
        RecoveryPolicy.beforeRate(recoveryAttempts, maxRecoveryAttempts, failurePatterns, pattern);
    if (verdict == null) {
      verdict = RecoveryPolicy.withRate(terminationRate(), settings.terminationRateThreshold());
    }
    failurePatterns.add(pattern);
    metrics.recoveryAttempt(verdict.viable(), verdict.reason());
    if (!verdict.viable()) {
      escalatedToManualReview = true;
      terminal(
          Phase.Failed,
          Outcome.ManualReviewRequired,
          verdict.reason(),
          "WorkflowExecution "
              + s.name()
              + " failed ("
              + recoveryReason
              + ") and no recovery is allowed: "
              + verdict.reason(),
          FailureReasons.WORKFLOW_EXECUTION,
          verdict.reason(),
          NotificationType.ManualReview,
          NotificationRules.manualReview(true, severity()),
          null);
      return;
    }
    recoveryAttempts++;
    List<String> previous = aiAnalysisRefs.stream().map(ChildRef::name).toList();
    recoveryContext =
        new RecoveryContext(
            recoveryAttempts,
            s.name(),
            e == null ? null : e.failedStep(),
            e == null ? null : e.failedAction(),
            e == null ? null : e.errorType(),
            e == null ? s.message() : e.failureReason(),
            previous);
    enterRecovering(s);
  }

  /**
   * A deadline passed. The child is re-read first (its signal may have been lost while the bridge
   * was down); only a child that is still not done makes the timeout real.
   */
  private void onDeadline(boolean global) {
    ChildObservation o = reread(current);
    if (o != null && o.found() && o.status() != null) {
      accept(o.status());
      ChildStatus s = observed.get(current.name());
      if (s != null && ChildPhases.isTerminal(current.kind(), s.phase())) {
        log.info("re-read found {} {} after a lost signal", s.name(), s.phase());
        pendingEvents.add(
            EventRecord.normal(
                "ChildStatusRecovered",
                current.kind() + " " + s.name() + " was " + s.phase() + " (signal lost)"));
        onChildDone(s);
        return;
      }
    }
    if (!global && phase == Phase.AwaitingApproval) {
      // SPEC §3: no decision before the approval timeout -> Expired -> Failed
      try {
        recordApprovalDecision(ChildPhases.EXPIRED, ORCHESTRATOR, "approval timeout passed");
      } catch (ActivityFailure f) {
        rethrowIfCancelled();
        log.warn("could not record Expired on {}: {}", current.name(), f.getMessage());
      }
      onApprovalDecision(
          ChildPhases.EXPIRED,
          ORCHESTRATOR,
          "no decision within " + Timeouts.human(phaseBudget()),
          "timeout");
      return;
    }
    timeoutPhase = phase.name();
    timeoutTime = global ? globalDeadline : phaseDeadline;
    metrics.timeout(global ? Timeouts.GLOBAL : phase.name());
    String what =
        global
            ? "global timeout of " + Timeouts.human(timeouts.global())
            : phase + " timeout of " + Timeouts.human(phaseBudget());
    terminal(
        Phase.TimedOut,
        Outcome.TimedOut,
        global ? FailureReasons.GLOBAL_TIMEOUT : FailureReasons.PHASE_TIMEOUT,
        what + " passed while waiting for " + waitingFor,
        phase.name(),
        global ? FailureReasons.GLOBAL_TIMEOUT : FailureReasons.PHASE_TIMEOUT,
        NotificationType.Escalation,
        NotificationRules.escalation(global, severity()),
        "ParentTimedOut");
  }

  private void onActivityFailure(ActivityFailure f) {
    String type =
        f.getCause() instanceof ApplicationFailure af
            ? af.getType()
            : f.getCause().getClass().getSimpleName();
    String msg = f.getCause() != null ? f.getCause().getMessage() : f.getMessage();
    if (FailureTypes.REMEDIATION_REQUEST_GONE.equals(type)) {
      onRemediationGone(msg);
      return;
    }
    lock.lock();
    try {
      if (phase.isTerminal()) {
        return;
      }
      log.warn(
          "activity {} failed for good in phase {}: {} {}", f.getActivityType(), phase, type, msg);
      boolean configuration = CONFIGURATION_FAILURES.contains(type);
      terminal(
          Phase.Failed,
          Outcome.Failed,
          type,
          f.getActivityType() + " failed: " + msg,
          configuration ? FailureReasons.CONFIGURATION : phase.name(),
          type,
          NotificationType.Escalation,
          NotificationRules.escalation(false, severity()),
          null);
    } finally {
      lock.unlock();
    }
  }

  /** The RR was deleted under us: nothing to write to, so end quietly as Cancelled. */
  private void onRemediationGone(String msg) {
    if (phase.isTerminal()) {
      return;
    }
    gone = true;
    Phase from = phase;
    Instant now = now();
    phase = Phase.Cancelled;
    outcome = Outcome.Cancelled;
    reason = FailureTypes.REMEDIATION_REQUEST_GONE;
    message = "the RemediationRequest no longer exists" + suffix(msg);
    completionTime = now;
    waitingFor = null;
    current = null;
    metrics.phaseTransition(from, phase, Duration.between(phaseStartTime, now));
    if (from == Phase.Blocked) {
      metrics.unblocked(blockReason);
    }
    try {
      releaseRouting(Phase.Cancelled, Outcome.Cancelled, reason, message);
    } catch (RuntimeException e) {
      log.warn("could not release routing for a gone RR: {}", e.getMessage());
    }
    timeline("Cancelled: RemediationRequest gone");
    afterTransition();
    log.info("RemediationRequest {}/{} is gone; ending the run", rr.namespace(), rr.name());
  }

  private void internalError(RuntimeException e) {
    lock.lock();
    try {
      guarded(
          () ->
              terminal(
                  Phase.Failed,
                  Outcome.Failed,
                  FailureReasons.INTERNAL_ERROR,
                  "internal error in phase " + phase + ": " + e,
                  phase.name(),
                  FailureReasons.INTERNAL_ERROR,
                  NotificationType.Escalation,
                  NotificationRules.escalation(false, severity()),
                  "ParentFailed"));
    } finally {
      lock.unlock();
    }
    internalError = e;
  }

  private RuntimeException internalError;

  // =====================================================================================
  // routing (SPEC §5): duplicates, the execution lock, cooldown, consecutive failures

  /**
   * Pending, after validation: register with the fingerprint's coordinator. True = proceed; false =
   * this remediation is now Blocked (a duplicate, or consecutive failures).
   */
  private boolean routeAtStart() {
    routingRequest = routingRequestOf();
    if (routingRequest == null) {
      return true; // no Kubernetes target: nothing to coordinate on
    }
    RoutingVerdict v =
        routing(
                "register with "
                    + RoutingIds.coordinator(snapshot.signalFingerprint(), snapshot.target()))
            .registerRemediation(routingRequest);
    registered = true;
    if (v == null || !v.blocked()) {
      return true;
    }
    if (RoutingVerdict.DUPLICATE_IN_PROGRESS.equals(v.reason())) {
      duplicateOf = v.duplicateOf();
      duplicateOfWorkflowId = v.duplicateOfWorkflowId();
      metrics.duplicate(RoutingVerdict.DUPLICATE_IN_PROGRESS);
      enterBlocked(
          v.reason(),
          null,
          "duplicate of " + v.duplicateOf() + " (same signal and target), which is in progress",
          "the end of " + v.duplicateOf());
    } else {
      enterBlocked(
          v.reason(),
          v.blockedUntil(),
          v.message(),
          "the end of the consecutive-failure block at " + v.blockedUntil());
    }
    return false;
  }

  private RoutingRequest routingRequestOf() {
    if (snapshot == null
        || snapshot.target() == null
        || snapshot.signalFingerprint() == null
        || snapshot.signalFingerprint().isBlank()) {
      return null;
    }
    return new RoutingRequest(
        rr,
        info().id,
        snapshot.signalFingerprint(),
        snapshot.target(),
        input.creationTimestamp(),
        settings.routing());
  }

  private void enterBlocked(String why, Instant until, String msg, String waits) {
    Phase from = phase;
    PhaseTransitions.check(from, Phase.Blocked);
    Instant now = now();
    blockReason = why;
    blockedUntil = until;
    blockedSince = now;
    current = null;
    reason = why;
    message = msg;
    changePhase(from, Phase.Blocked, now, null, waits);
    metrics.blocked(why);
    pendingEvents.add(EventRecord.warning("RemediationBlocked", why + ": " + msg));
    timeline("Blocked (" + why + "): " + msg);
    write();
    afterTransition();
  }

  private boolean unblockDue() {
    if (blockReason == null) {
      return false;
    }
    return switch (blockReason) {
      case RoutingVerdict.DUPLICATE_IN_PROGRESS -> resolution != null;
      case RoutingVerdict.RESOURCE_BUSY ->
          lockQueued ? grant != null : blockedUntil == null || !now().isBefore(blockedUntil);
      default -> blockedUntil == null || !now().isBefore(blockedUntil);
    };
  }

  /** Leaves Blocked. Time spent blocked does not use up the global timeout. */
  private void onUnblock() {
    String was = blockReason;
    Instant now = now();
    globalDeadline = Timeouts.deadline(globalDeadline, Duration.between(blockedSince, now));
    switch (was) {
      case RoutingVerdict.DUPLICATE_IN_PROGRESS -> onOwnerEnded(resolution);
      case RoutingVerdict.RESOURCE_BUSY -> {
        if (lockQueued) {
          LockAnswer g = grant;
          grant = null;
          lockQueued = false;
          if (!LockAnswer.GRANTED.equals(g.decision())) {
            skipRecentlyRemediated(g);
            return;
          }
          lockHeld = true;
          Duration waited = Duration.between(lockQueuedAt, now);
          metrics.lockWait(waited);
          clearBlock(
              "execution lock on "
                  + snapshot.target().display()
                  + " granted after "
                  + Timeouts.human(waited));
          createExecution();
        } else {
          clearBlock("retrying the WorkflowExecution after ResourceBusy");
          enterExecuting();
        }
      }
      default ->
          terminal(
              Phase.Failed,
              Outcome.Failed,
              RoutingVerdict.CONSECUTIVE_FAILURES,
              message,
              Phase.Blocked.name(),
              RoutingVerdict.CONSECUTIVE_FAILURES,
              NotificationType.Escalation,
              NotificationRules.escalation(false, severity()),
              null);
    }
  }

  /** The original ended: inherit its outcome, or proceed on our own when it was cancelled. */
  private void onOwnerEnded(DuplicateResolution r) {
    resolution = null;
    if (r.released()) {
      String why =
          "the original "
              + r.owner()
              + " was cancelled or deleted"
              + suffix(r.message())
              + ": released, proceeding on its own";
      duplicateOf = null;
      duplicateOfWorkflowId = null;
      clearBlock(why);
      message = why;
      enterProcessing();
      return;
    }
    Phase p = r.phase() == null ? Phase.Failed : r.phase();
    String msg =
        "duplicate of "
            + r.owner()
            + ", which ended "
            + p
            + (r.outcome() == null ? "" : "/" + r.outcome())
            + suffix(r.message());
    if (p == Phase.Completed) {
      terminal(
          Phase.Completed,
          r.outcome() == null ? Outcome.Remediated : r.outcome(),
          Outcome.Deduplicated.name(),
          msg,
          null,
          null,
          null,
          null,
          null);
    } else if (p == Phase.Skipped) {
      terminal(
          Phase.Skipped,
          Outcome.Deduplicated,
          Outcome.Deduplicated.name(),
          msg,
          null,
          null,
          null,
          null,
          null);
    } else {
      terminal(
          Phase.Failed,
          Outcome.Deduplicated,
          Outcome.Deduplicated.name(),
          msg,
          Phase.Blocked.name(),
          "DuplicateOf" + p,
          null,
          null,
          null);
    }
  }

  private void clearBlock(String why) {
    pendingEvents.add(EventRecord.normal("RemediationUnblocked", blockReason + " cleared: " + why));
    timeline("unblocked: " + why);
    blockReason = null;
    blockedUntil = null;
    blockedSince = null;
    reason = null;
    message = why;
  }

  private void skipRecentlyRemediated(LockAnswer a) {
    skipReason = RoutingVerdict.RECENTLY_REMEDIATED;
    duplicateOf = a.earlierRemediation();
    metrics.duplicate(RoutingVerdict.RECENTLY_REMEDIATED);
    terminal(
        Phase.Skipped,
        Outcome.Deduplicated,
        RoutingVerdict.RECENTLY_REMEDIATED,
        "workflow "
            + selectedWorkflowId
            + " completed on "
            + snapshot.target().display()
            + " at "
            + a.earlierCompletion()
            + " ("
            + a.earlierRemediation()
            + "), less than "
            + Timeouts.human(settings.routing().recentlyRemediatedCooldown())
            + " ago",
        null,
        null,
        null,
        null,
        null);
  }

  /** Gives the target's lock back (held or queued): a signal to {@code lock/<target>}. */
  private void releaseLock(String completedWorkflowId) {
    if (!lockHeld && !lockQueued) {
      return;
    }
    lockHeld = false;
    lockQueued = false;
    grant = null;
    String id = RoutingIds.lock(snapshot.target());
    try {
      Workflow.newExternalWorkflowStub(TargetLockWorkflow.class, id)
          .release(new LockRelease(info().id, rr.name(), completedWorkflowId));
    } catch (RuntimeException e) {
      rethrowIfCancelled();
      // its watch on this workflow releases it when this run closes
      log.warn("could not release the lock {}: {}", id, e.getMessage());
    }
  }

  /**
   * The remediation ends: the lock goes back, the coordinator hands the outcome to the duplicates
   * (returned, for the bulk notification).
   */
  private List<String> releaseRouting(Phase to, Outcome out, String why, String msg) {
    releaseLock(null);
    if (!registered) {
      return List.of();
    }
    registered = false;
    try {
      RoutingReleaseResult r =
          routing("release " + to + " to the coordinator")
              .releaseRemediation(new RoutingRelease(routingRequest, to, out, why, msg));
      return r == null ? List.of() : r.duplicates();
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("could not release at the coordinator: {}", f.getMessage());
      pendingEvents.add(
          EventRecord.warning(
              "RoutingReleaseFailed", "duplicates were not released: " + rootMessage(f)));
      return List.of();
    }
  }

  /** BR-ORCH-034: one Simple NR {@code nr-bulk-<rr>} listing the duplicates that ended with us. */
  private void notifyBulk(List<String> dups, String msg) {
    NotificationOrder order =
        new NotificationOrder(
            rr,
            NotificationType.Simple,
            NotificationRules.informational(),
            true,
            info().id,
            phase,
            reason,
            dups.size()
                + " duplicate remediation"
                + (dups.size() == 1 ? "" : "s")
                + " ended with "
                + rr.name()
                + " ("
                + phase
                + "): "
                + String.join(", ", dups)
                + suffix(msg),
            snapshot == null ? null : snapshot.signalName(),
            severity(),
            snapshot == null || snapshot.target() == null ? null : snapshot.target().display(),
            environment,
            recoveryAttempts,
            timeline,
            dups);
    sendNotification(order, NotificationType.Simple, NotificationRules.informational());
  }

  private RoutingActivities routing(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, withSummary(RemediationActivityOptions.ROUTING, summary));
  }

  @Override
  public void duplicateRegistered(DuplicateNotice notice) {
    if (notice == null || notice.duplicate() == null || duplicates.contains(notice.duplicate())) {
      return;
    }
    duplicates.add(notice.duplicate());
    lastDuplicateTime = notice.at();
  }

  @Override
  public void duplicateResolved(DuplicateResolution r) {
    if (r != null && resolution == null && !phase.isTerminal()) {
      resolution = r;
    }
  }

  @Override
  public void lockGranted(LockAnswer answer) {
    // may arrive before the acquire activity's own answer (Queued) does: kept for that attempt
    if (answer != null && answer.attempt() == lockAttempt && !lockHeld) {
      grant = answer;
    }
  }

  private RoutingState routingState() {
    return new RoutingState(
        registered,
        blockReason,
        blockedUntil,
        blockedSince,
        duplicateOf,
        duplicateOfWorkflowId,
        duplicates,
        duplicateCountWritten,
        lastDuplicateTime,
        skipReason,
        resolution,
        lockAttempt,
        lockHeld,
        lockQueued,
        grant,
        lockQueuedAt,
        selectedWorkflowId,
        executionRetries);
  }

  private void restoreRouting(RoutingState r) {
    if (r == null) {
      return;
    }
    routingRequest = routingRequestOf();
    registered = r.registered();
    blockReason = r.blockReason();
    blockedUntil = r.blockedUntil();
    blockedSince = r.blockedSince();
    duplicateOf = r.duplicateOf();
    duplicateOfWorkflowId = r.duplicateOfWorkflowId();
    duplicates.addAll(r.duplicates());
    duplicateCountWritten = r.duplicateCountWritten();
    lastDuplicateTime = r.lastDuplicateTime();
    skipReason = r.skipReason();
    resolution = r.resolution();
    lockAttempt = r.lockAttempt();
    lockHeld = r.lockHeld();
    lockQueued = r.lockQueued();
    grant = r.grant();
    lockQueuedAt = r.lockQueuedAt();
    selectedWorkflowId = r.selectedWorkflowId();
    executionRetries = r.executionRetries();
    blockedMetricReason = blockReason;
  }

  // =====================================================================================
  // terminal handling

  /**
   * The one way a remediation ends: mark children (when ending early), send the notification, write
   * the final status with completionTime, outcome and retentionExpiryTime. Never throws for an
   * activity failure: the best effort is recorded and the run still ends.
   */
  private void terminal(
      Phase to,
      Outcome out,
      String why,
      String msg,
      String failPhase,
      String failReason,
      NotificationType nrType,
      NotificationPriority nrPriority,
      String childrenReason) {
    if (phase.isTerminal()) {
      return;
    }
    Phase from = phase;
    if (!PhaseTransitions.allowed(from, to)) {
      log.error("transition {} -> {} is not in the phase machine; ending anyway", from, to);
    }
    Instant now = now();
    if (childrenReason != null) {
      try {
        int n =
            child("mark running children " + childrenReason)
                .markChildrenTerminal(new TerminateChildren(rr, childrenReason, msg));
        if (n > 0) {
          pendingEvents.add(
              EventRecord.normal(
                  "ChildrenTerminated",
                  n + " running children marked Failed (" + childrenReason + ")"));
        }
      } catch (ActivityFailure f) {
        rethrowIfCancelled();
        log.warn("could not mark children terminal: {}", f.getMessage());
      }
    }
    outcome = out;
    reason = why;
    message = msg;
    failurePhase = failPhase;
    failureReason = failReason;
    completionTime = now;
    retentionExpiryTime = Timeouts.deadline(now, settings.retention());
    changePhase(from, to, now, null, null);
    pendingEvents.add(
        to == Phase.Completed || to == Phase.Skipped
            ? EventRecord.normal("Remediation" + to, msg)
            : EventRecord.warning("Remediation" + to, msg));
    timeline(to + " (" + out + "): " + why);
    List<String> dups = releaseRouting(to, out, why, msg);
    for (String d : dups) {
      if (!duplicates.contains(d)) {
        duplicates.add(d);
      }
    }
    if (nrType != null) {
      notify(nrType, nrPriority, msg);
    }
    if (!duplicates.isEmpty()) {
      notifyBulk(duplicates, msg);
    }
    try {
      write();
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("final status write failed: {}", f.getMessage());
    } catch (RemediationGone g) {
      gone = true;
    }
    metrics.remediationEnded(to, out.name(), Duration.between(startTime, now));
    afterTransition();
  }

  /** Cancellation (operator cancel or RR deletion): compensate in a detached scope. */
  private void compensateCancellation() {
    if (phase.isTerminal()) {
      return;
    }
    Workflow.newDetachedCancellationScope(
            () -> {
              lock.lock();
              try {
                guarded(
                    () ->
                        terminal(
                            Phase.Cancelled,
                            Outcome.Cancelled,
                            "Cancelled",
                            "remediation cancelled through Temporal (operator cancel or RR deletion)"
                                + " in phase "
                                + phase,
                            null,
                            null,
                            NotificationType.StatusUpdate,
                            NotificationRules.informational(),
                            "ParentCancelled"));
              } finally {
                lock.unlock();
              }
            })
        .run();
  }

  /** The workflow result: Completed/Skipped return; Failed/TimedOut fail typed and red. */
  private RemediationResult result() {
    if (internalError != null) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          message, FailureReasons.INTERNAL_ERROR, internalError);
    }
    if (phase == Phase.Failed || phase == Phase.TimedOut) {
      throw ApplicationFailure.newNonRetryableFailure(
          message, FailureReasons.failureType(phase, outcome, failurePhase), status());
    }
    return new RemediationResult(phase, outcome, reason, message);
  }

  // =====================================================================================
  // continue-as-new

  private boolean continueAsNewDue() {
    if (transitionsThisRun == 0) {
      return false; // a new run always makes progress first, whatever the threshold
    }
    long threshold = settings.continueAsNewAfterEvents();
    return Workflow.getInfo().isContinueAsNewSuggested()
        || (threshold > 0 && Workflow.getInfo().getHistoryLength() >= threshold);
  }

  private void continueAsNew() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    log.info(
        "continuing as new in phase {} after {} events",
        phase,
        Workflow.getInfo().getHistoryLength());
    Workflow.continueAsNew(input.withCarriedState(snapshotState()));
  }

  // =====================================================================================
  // signal, updates, query

  @Override
  public void childStatusChanged(ChildStatus status) {
    if (status == null || status.name() == null || status.kind() == null) {
      return;
    }
    if (!children.contains(status.name())) {
      log.debug("ignoring status of {} {}: not a child of this run", status.kind(), status.name());
      return;
    }
    accept(status);
  }

  /** Keeps {@code s} when it is newer than what we have; drops stale and duplicate statuses. */
  private void accept(ChildStatus s) {
    ChildStatus prev = observed.get(s.name());
    if (prev != null && (s.isNotNewerThan(prev) || s.equals(prev))) {
      return;
    }
    if (prev != null
        && prev.kind() == s.kind()
        && ChildPhases.isTerminal(prev.kind(), prev.phase())
        && !ChildPhases.isTerminal(s.kind(), s.phase())) {
      return; // a terminal child never goes back
    }
    observed.put(s.name(), s);
  }

  @Override
  public void validateRetry(RetryRequest request) {
    if (phase.isTerminal()) {
      throw new IllegalStateException(
          "retry does not apply: the remediation already ended in " + phase);
    }
    if (phase == Phase.Pending || current == null) {
      throw new IllegalStateException(
          "retry does not apply in " + phase + ": no child is being waited on yet");
    }
    if (phase == Phase.AwaitingApproval && operatorDecision != null) {
      throw new IllegalStateException(
          "retry does not apply: the approval was already " + operatorDecision.decision());
    }
  }

  @Override
  public RetryResult retry(RetryRequest request) {
    lock.lock();
    try {
      if (phase.isTerminal() || current == null) {
        throw notApplicable("retry does not apply: the remediation is " + phase);
      }
      CurrentChild was = current;
      int k = was.retry() + 1;
      String name = Names.withRetry(was.baseName(), k);
      Instant now = now();
      Instant deadline = Timeouts.deadline(now, phaseBudget());
      children.add(name);
      ChildRef ref = createChild(was.kind(), name, phase, deadline);
      current = new CurrentChild(was.kind(), name, was.baseName(), k);
      retries++;
      phaseStartTime = now;
      phaseDeadline = deadline;
      deadlineVersion++;
      waitingFor = was.kind() + " " + name + " (operator retry " + k + ")";
      String why = request == null || request.reason() == null ? "" : ": " + request.reason();
      pendingEvents.add(
          EventRecord.normal(
              "RetryRequested",
              "operator retry "
                  + k
                  + " of "
                  + phase
                  + ": "
                  + (ref.adopted() ? "adopted " : "created ")
                  + was.kind()
                  + " "
                  + name
                  + " in place of "
                  + was.name()
                  + why));
      timeline(phase + ": operator retry " + k + " -> " + name);
      write();
      updateDetails();
      return new RetryResult(phase, name, k, deadline);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void validateApprove(ApprovalCommand command) {
    validateDecision(ChildPhases.APPROVED, command);
  }

  @Override
  public ApprovalResult approve(ApprovalCommand command) {
    return decide(ChildPhases.APPROVED, command);
  }

  @Override
  public void validateReject(ApprovalCommand command) {
    validateDecision(ChildPhases.REJECTED, command);
  }

  @Override
  public ApprovalResult reject(ApprovalCommand command) {
    return decide(ChildPhases.REJECTED, command);
  }

  private void validateDecision(String decision, ApprovalCommand command) {
    String verb = ChildPhases.APPROVED.equals(decision) ? "approve" : "reject";
    if (command == null || command.by() == null || command.by().isBlank()) {
      throw new IllegalArgumentException(verb + " needs \"by\": who decides");
    }
    if (operatorDecision != null && operatorDecision.decision().equals(decision)) {
      return; // a repeat: answered with the decision already taken
    }
    String problem = approvalProblem(verb);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** Why no decision can be taken now, or null when one is pending. */
  private String approvalProblem(String verb) {
    if (phase != Phase.AwaitingApproval || current == null) {
      return verb + " does not apply: no approval is pending (phase " + phase + ")";
    }
    if (operatorDecision != null) {
      return verb + " does not apply: the approval was already " + operatorDecision.decision();
    }
    ChildStatus rar = observed.get(current.name());
    if (rar != null && ChildPhases.isTerminal(ChildKind.RemediationApprovalRequest, rar.phase())) {
      return verb + " does not apply: " + current.name() + " is already " + rar.phase();
    }
    return null;
  }

  private ApprovalResult decide(String decision, ApprovalCommand command) {
    lock.lock();
    try {
      if (operatorDecision != null && operatorDecision.decision().equals(decision)) {
        return new ApprovalResult(decision, operatorDecision.approvalRequestName());
      }
      String problem =
          approvalProblem(decision.equals(ChildPhases.APPROVED) ? "approve" : "reject");
      if (problem != null) {
        throw notApplicable(problem);
      }
      String rar = current.name();
      Instant at = recordApprovalDecision(decision, command.by(), command.message());
      operatorDecision = new OperatorDecision(decision, command.by(), command.message(), at, rar);
      return new ApprovalResult(decision, rar);
    } finally {
      lock.unlock();
    }
  }

  private Instant recordApprovalDecision(String decision, String by, String msg) {
    Instant at = now();
    String rar = current.name();
    child("record " + decision + " on " + rar)
        .recordApprovalDecision(new ApprovalDecisionRecord(rr, rar, decision, by, at, msg));
    return at;
  }

  @Override
  public void validateExtendTimeout(ExtendTimeoutRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("extendTimeout needs {\"phase\": ..., \"by\": ...}");
    }
    if (Timeouts.extendablePhase(request.phase()).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown phase \"" + request.phase() + "\": use one of " + Timeouts.EXTENDABLE);
    }
    Duration by;
    try {
      by = Names.parseGoDuration(request.by());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"by\": " + e.getMessage());
    }
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("\"by\" must be a positive duration, got " + request.by());
    }
    if (phase.isTerminal()) {
      throw new IllegalStateException(
          "extendTimeout does not apply: the remediation already ended in " + phase);
    }
  }

  @Override
  public ExtendTimeoutResult extendTimeout(ExtendTimeoutRequest request) {
    lock.lock();
    try {
      if (phase.isTerminal()) {
        throw notApplicable("extendTimeout does not apply: the remediation is " + phase);
      }
      String p = Timeouts.extendablePhase(request.phase()).orElseThrow();
      Duration by = Names.parseGoDuration(request.by());
      timeouts = Timeouts.extend(timeouts, p, by);
      Instant deadline = null;
      if (Timeouts.GLOBAL.equals(p)) {
        globalDeadline = Timeouts.deadline(globalDeadline, by);
        deadline = globalDeadline;
      } else if (p.equals(phase.name())) {
        phaseDeadline = Timeouts.deadline(phaseDeadline, by);
        deadline = phaseDeadline;
      }
      deadlineVersion++;
      Duration effective = Timeouts.effective(timeouts, p);
      pendingEvents.add(
          EventRecord.normal(
              "TimeoutExtended",
              p
                  + " timeout extended by "
                  + Timeouts.human(by)
                  + " to "
                  + Timeouts.human(effective)
                  + (deadline == null ? "" : "; deadline " + deadline)));
      timeline(p + " timeout +" + Timeouts.human(by));
      if (phase != Phase.Pending) {
        write();
      }
      updateDetails();
      return new ExtendTimeoutResult(p, effective, deadline);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public RemediationState state() {
    return snapshotState();
  }

  // =====================================================================================
  // status, search attributes, details

  private void changePhase(Phase from, Phase to, Instant now, Instant deadline, String waits) {
    Duration inFrom =
        phaseStartTime == null ? Duration.ZERO : Duration.between(phaseStartTime, now);
    phase = to;
    phaseStartTime = now;
    if (deadline != null) {
      phaseDeadline = deadline;
    }
    deadlineVersion++;
    waitingFor = waits;
    if (to.isTerminal()) {
      current = null;
    }
    transitionsThisRun++;
    metrics.phaseTransition(from, to, inFrom);
    if (from == Phase.Blocked && to != Phase.Blocked) {
      metrics.unblocked(blockedMetricReason);
    }
    if (to == Phase.Blocked) {
      blockedMetricReason = blockReason;
    }
    log.info("{} -> {}", from, to);
  }

  private void afterTransition() {
    upsertSearchAttributes();
    updateDetails();
  }

  /** One status write: the full desired status, the next sequence, the Events collected so far. */
  private void write() {
    sequence++;
    ChildStatus we = executionSummary();
    stepsWritten = we == null ? 0 : nz(steps(we));
    duplicateCountWritten = duplicates.size();
    List<EventRecord> events = List.copyOf(pendingEvents);
    pendingEvents.clear();
    Info info = info();
    StatusWriteResult r =
        status("write status " + phase + " #" + sequence)
            .writeStatus(new StatusWrite(rr, info.id, info.runId, sequence, status(), events));
    if (r != null && r.disposition() == StatusWriteResult.Disposition.GONE) {
      throw new RemediationGone("status write found no RemediationRequest");
    }
  }

  private DesiredStatus status() {
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
        timeouts,
        new DesiredStatus.Children(
            signalProcessingRef,
            aiAnalysisRefs,
            executionRefs,
            approvalRequestRef,
            notificationRefs),
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
        new DesiredStatus.Recovery(
            recoveryAttempts,
            maxRecoveryAttempts,
            lastFailureTime,
            recoveryReason,
            escalatedToManualReview),
        new DesiredStatus.Failure(failurePhase, failureReason, timeoutPhase, timeoutTime),
        new DesiredStatus.Routing(
            blockReason,
            blockedUntil,
            duplicateOf,
            duplicates.size(),
            lastDuplicateTime,
            skipReason),
        approvalNotificationSent);
  }

  private ChildStatus executionSummary() {
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
    return name == null ? null : observed.get(name);
  }

  private void closeExecutionRef(ChildStatus s, String result, Instant at) {
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

  private void upsertSearchAttributes() {
    List<SearchAttributeUpdate<?>> u = new ArrayList<>();
    u.add(RemediationSearchAttributes.PHASE.valueSet(phase.name()));
    u.add(RemediationSearchAttributes.RECOVERY_ATTEMPTS.valueSet((long) recoveryAttempts));
    if (outcome != null) {
      u.add(RemediationSearchAttributes.OUTCOME.valueSet(outcome.name()));
    }
    if (snapshot != null) {
      set(u, RemediationSearchAttributes.SIGNAL_FINGERPRINT, snapshot.signalFingerprint());
      set(u, RemediationSearchAttributes.SIGNAL_NAME, snapshot.signalName());
      set(u, RemediationSearchAttributes.SEVERITY, snapshot.severity());
      TargetRef t = snapshot.target();
      if (t != null) {
        set(u, RemediationSearchAttributes.TARGET_RESOURCE, t.display());
        set(u, RemediationSearchAttributes.TARGET_NAMESPACE, t.namespace());
      }
    }
    set(u, RemediationSearchAttributes.ENVIRONMENT, environment);
    set(u, RemediationSearchAttributes.PRIORITY, priority);
    Workflow.upsertTypedSearchAttributes(u.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private static void set(
      List<SearchAttributeUpdate<?>> u, SearchAttributeKey<String> key, String value) {
    if (value != null && !value.isBlank()) {
      u.add(key.valueSet(value));
    }
  }

  private void updateDetails() {
    Workflow.setCurrentDetails(
        CurrentDetails.markdown(
            phase,
            waitingFor,
            phase == Phase.Pending ? null : phaseDeadline,
            phase == Phase.Pending ? null : phaseBudget(),
            globalDeadline,
            recoveryAttempts,
            maxRecoveryAttempts,
            outcome,
            reason,
            message));
  }

  // =====================================================================================
  // notifications and small activities

  /** Creates one NR (best effort): true when it exists. */
  private boolean notify(NotificationType type, NotificationPriority prio, String msg) {
    NotificationOrder order =
        new NotificationOrder(
            rr,
            type,
            prio,
            false,
            info().id,
            phase,
            reason,
            msg != null ? msg : waitingFor,
            snapshot == null ? null : snapshot.signalName(),
            severity(),
            snapshot == null || snapshot.target() == null ? null : snapshot.target().display(),
            environment,
            recoveryAttempts,
            timeline,
            List.of());
    return sendNotification(order, type, prio);
  }

  private boolean sendNotification(
      NotificationOrder order, NotificationType type, NotificationPriority prio) {
    try {
      NotificationRef ref =
          notifications("notify " + type + (order.bulk() ? " bulk" : "") + " (" + prio + ")")
              .createNotification(order);
      if (ref != null && notificationRefs.stream().noneMatch(r -> r.name().equals(ref.name()))) {
        notificationRefs.add(ref);
      }
      pendingEvents.add(
          EventRecord.normal(
              "NotificationCreated",
              type + " notification " + (ref == null ? "" : ref.name()) + " (" + prio + ")"));
      return true;
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("could not create {} notification: {}", type, f.getMessage());
      pendingEvents.add(
          EventRecord.warning(
              "NotificationFailed",
              type + " notification could not be created: " + rootMessage(f)));
      return false;
    }
  }

  /** Re-reads a child; null when the read failed (then the timeout stands). */
  private ChildObservation reread(CurrentChild c) {
    try {
      return child("re-read " + c.kind() + " " + c.name() + " before timeout", true)
          .readChildStatus(new ChildKey(rr, c.kind(), c.name()));
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("re-read of {} failed: {}", c.name(), f.getMessage());
      return null;
    }
  }

  /** The cluster-wide termination rate; null when it cannot be read. */
  private TerminationRate terminationRate() {
    try {
      return Workflow.newActivityStub(
              ClusterActivities.class,
              withSummary(RemediationActivityOptions.CLUSTER_READ, "termination rate (last hour)"))
          .terminationRate(new TerminationRateQuery(settings.terminationRateWindow()));
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("termination rate unavailable: {}", f.getMessage());
      return null;
    }
  }

  private ValidationActivities validation(String summary) {
    return Workflow.newActivityStub(
        ValidationActivities.class, withSummary(RemediationActivityOptions.KUBE_WRITE, summary));
  }

  private ChildActivities child(String summary) {
    return child(summary, false);
  }

  private ChildActivities child(String summary, boolean read) {
    ActivityOptions o =
        read ? RemediationActivityOptions.KUBE_READ : RemediationActivityOptions.KUBE_WRITE;
    return Workflow.newActivityStub(ChildActivities.class, withSummary(o, summary));
  }

  private NotificationActivities notifications(String summary) {
    return Workflow.newActivityStub(
        NotificationActivities.class, withSummary(RemediationActivityOptions.NOTIFY, summary));
  }

  private StatusActivities status(String summary) {
    return Workflow.newActivityStub(
        StatusActivities.class, withSummary(RemediationActivityOptions.STATUS_WRITE, summary));
  }

  // =====================================================================================
  // state carried over continue-as-new

  private RemediationState snapshotState() {
    return new RemediationState(
        status(),
        sequence,
        waitingFor,
        phaseDeadline,
        globalDeadline,
        current,
        retries,
        signalProcessingName,
        analysisName,
        recoveryContext,
        environment,
        priority,
        operatorDecision,
        List.copyOf(children),
        List.copyOf(observed.values()),
        List.copyOf(failurePatterns),
        timeline,
        runs,
        routingState());
  }

  private void restore(RemediationState s) {
    DesiredStatus st = s.status();
    phase = st.overallPhase();
    outcome = st.outcome();
    reason = st.reason();
    message = st.message();
    startTime = st.startTime();
    phaseStartTime = st.phaseStartTime();
    completionTime = st.completionTime();
    retentionExpiryTime = st.retentionExpiryTime();
    timeouts = st.timeoutConfig();
    if (st.children() != null) {
      signalProcessingRef = st.children().signalProcessing();
      aiAnalysisRefs.addAll(st.children().aiAnalyses());
      executionRefs.addAll(st.children().workflowExecutions());
      approvalRequestRef = st.children().approvalRequest();
      notificationRefs.addAll(st.children().notifications());
    }
    if (st.recovery() != null) {
      recoveryAttempts = st.recovery().recoveryAttempts();
      maxRecoveryAttempts = st.recovery().maxRecoveryAttempts();
      lastFailureTime = st.recovery().lastFailureTime();
      recoveryReason = st.recovery().recoveryReason();
      escalatedToManualReview = st.recovery().escalatedToManualReview();
    }
    if (st.failure() != null) {
      failurePhase = st.failure().failurePhase();
      failureReason = st.failure().failureReason();
      timeoutPhase = st.failure().timeoutPhase();
      timeoutTime = st.failure().timeoutTime();
    }
    approvalNotificationSent = st.approvalNotificationSent();
    sequence = s.statusSequence();
    waitingFor = s.waitingFor();
    phaseDeadline = s.phaseDeadline();
    globalDeadline = s.globalDeadline();
    current = s.current();
    retries = s.retries();
    signalProcessingName = s.signalProcessingName();
    analysisName = s.analysisName();
    recoveryContext = s.recoveryContext();
    environment = s.environment();
    priority = s.priority();
    operatorDecision = s.operatorDecision();
    children.addAll(s.children());
    s.observed().forEach(o -> observed.put(o.name(), o));
    failurePatterns.addAll(s.failurePatterns());
    timeline.addAll(s.timeline());
    runs = s.runs() + 1;
    stepsWritten = st.summaries() == null ? 0 : st.summaries().stepsCompleted();
    restoreRouting(s.routing());
  }

  // =====================================================================================
  // helpers

  private record Info(String id, String runId) {}

  private static Info info() {
    return new Info(Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId());
  }

  private Duration phaseBudget() {
    return Timeouts.forPhase(timeouts, phase);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private void timeline(String line) {
    timeline.add(now() + " " + line);
    if (timeline.size() > TIMELINE_MAX) {
      timeline.remove(0);
    }
  }

  private String severity() {
    return snapshot == null ? null : snapshot.severity();
  }

  private static Integer steps(ChildStatus s) {
    return s.execution() == null ? null : s.execution().stepsCompleted();
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String suffix(String msg) {
    return msg == null || msg.isBlank() ? "" : ": " + msg;
  }

  private static String joinViolations(ValidationResult v) {
    return String.join("; ", v.violations().stream().map(Object::toString).toList());
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage();
  }

  private static boolean cancelRequested() {
    return CancellationScope.current().isCancelRequested();
  }

  private static void rethrowIfCancelled() {
    if (cancelRequested()) {
      throw new CanceledFailure("remediation cancelled");
    }
  }

  private static ApplicationFailure notApplicable(String msg) {
    return ApplicationFailure.newNonRetryableFailure(msg, "NotApplicable");
  }
}
