package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.cancelRequested;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.joinViolations;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rootMessage;

import ai.kubernaut.orchestrator.workflows.WakeLoop.Wake;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.logic.FailureReasons;
import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.model.ApprovalCommand;
import ai.kubernaut.orchestrator.workflows.model.ApprovalResult;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestInfo;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestLookup;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DuplicateNotice;
import ai.kubernaut.orchestrator.workflows.model.DuplicateResolution;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutRequest;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutResult;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import ai.kubernaut.orchestrator.workflows.model.RetryRequest;
import ai.kubernaut.orchestrator.workflows.model.RetryResult;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
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

  private final WorkflowLock lock = Workflow.newWorkflowLock();

  private final WorkflowMetrics metrics;
  private final RemediationLedger ledger;
  private final CarriedState carried;
  private final ActivityStubs stubs;
  private final Transitions transitions;
  private final RoutingExit routingExit;
  private final Terminal terminal;
  private final RoutingSteps routingSteps;
  private final OperatorUpdates updates;
  private final ChildReactions reactions;
  private final WakeLoop wakes;
  private final NotificationDelivery delivery;

  /** What every worker registers: continue as new only when Temporal suggests it. */
  @WorkflowInit
  public RemediationWorkflowImpl(RemediationInput input) {
    this(input, 0);
  }

  /**
   * @param continueAsNewAfterEvents continue as new once the history has this many events, besides
   *     Temporal's suggestion (0: the suggestion only). Tests register a small one through a
   *     workflow implementation factory to force continue-as-new.
   */
  RemediationWorkflowImpl(RemediationInput input, long continueAsNewAfterEvents) {
    this.metrics = new WorkflowMetrics(Workflow.getMetricsScope(), input.rr().namespace());
    this.ledger = new RemediationLedger(input);
    this.carried = new CarriedState(ledger);
    if (input.carriedState() != null) {
      carried.restore(input.carriedState());
    }
    this.stubs = new ActivityStubs(ledger::activityBudget);
    Notifier notifier = new Notifier(ledger, stubs);
    this.transitions = new Transitions(ledger, metrics, stubs, notifier);
    this.routingExit = new RoutingExit(ledger, stubs);
    this.terminal = new Terminal(ledger, metrics, stubs, notifier, transitions, routingExit);
    this.routingSteps = new RoutingSteps(ledger, metrics, stubs, transitions, terminal);
    this.updates = new OperatorUpdates(ledger, lock, stubs, transitions, terminal);
    WorkflowExecutionFailure executionFailure =
        new WorkflowExecutionFailure(ledger, metrics, transitions, terminal);
    this.reactions =
        new ChildReactions(
            ledger,
            metrics,
            stubs,
            transitions,
            routingExit,
            terminal,
            routingSteps,
            updates,
            executionFailure);
    this.wakes = new WakeLoop(ledger, routingSteps, continueAsNewAfterEvents);
    this.delivery = new NotificationDelivery(ledger, metrics, notifier, transitions, lock);
  }

  /**
   * {@code Workflow.getVersion} change ID: continue-as-new follows the server's suggestion in any
   * phase, and the configured threshold counts the events of the run itself.
   */
  static final String CONTINUE_ANY_PHASE_CHANGE = "continue-as-new-any-phase";

  /**
   * {@code Workflow.getVersion} change ID: child statuses are ordered by lifecycle progress, never
   * by comparing resourceVersions as numbers.
   */
  static final String STATUS_ORDER_CHANGE = "child-status-order-by-progress";

  /**
   * {@code Workflow.getVersion} change ID: a cancel waits for the Kubernetes and routing writes in
   * flight instead of abandoning them (docs/architecture.md, "Activity cancellation"). Version 1
   * asked the server to cancel them and waited; version 2 lets them finish, then cancels.
   */
  static final String CANCEL_WAITS_FOR_WRITES_CHANGE = "cancel-waits-for-writes";

  /**
   * {@code Workflow.getVersion} change ID: NotificationRequest statuses are tracked, a failed
   * Escalation or ManualReview is sent again, and an ended run waits for its notifications.
   */
  static final String NOTIFICATION_DELIVERY_CHANGE = "notification-delivery";

  /**
   * {@code Workflow.getVersion} change ID: validation and status writes run as local activities (in
   * the workflow task that decided them), and an ending gives its routing back and sends its
   * notification in parallel: fewer workflow tasks and history events per remediation.
   */
  static final String LOCAL_WRITES_CHANGE = "local-writes";

  @Override
  public RemediationResult run(RemediationInput ignored) {
    boolean localWrites =
        Workflow.getVersion(LOCAL_WRITES_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1;
    boolean continueInAnyPhase =
        localWrites
            || Workflow.getVersion(CONTINUE_ANY_PHASE_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1;
    ledger
        .children()
        .orderByProgress(
            localWrites
                || Workflow.getVersion(STATUS_ORDER_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1);
    int writesOnCancel =
        localWrites
            ? 2
            : Workflow.getVersion(CANCEL_WAITS_FOR_WRITES_CHANGE, Workflow.DEFAULT_VERSION, 2);
    stubs.onCancel(
        switch (writesOnCancel) {
          case 1 -> ActivityStubs.WriteOnCancel.WAIT_FOR_CANCELLATION;
          case 2 -> ActivityStubs.WriteOnCancel.FINISH_THEN_CANCEL;
          default -> ActivityStubs.WriteOnCancel.ABANDON;
        });
    boolean trackNotifications =
        localWrites
            || Workflow.getVersion(NOTIFICATION_DELIVERY_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1;
    ledger.run().rules(continueInAnyPhase, trackNotifications, localWrites);
    stubs.localWrites(localWrites);
    try {
      if (ledger.lifecycle().phase() == Phase.Pending) {
        guarded(this::begin);
      } else {
        resume();
      }
      while (!ledger.lifecycle().phase().isTerminal()) {
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
      if (e instanceof TemporalFailure || ledger.lifecycle().phase().isTerminal()) {
        throw e;
      }
      log.error(
          "workflow bug in phase {}: ending the remediation as Failed/InternalError",
          ledger.lifecycle().phase(),
          e);
      internalError(e);
    }
    if (ledger.run().trackNotifications()) {
      delivery.watchAfterEnding();
    }
    routingExit.awaitReleases();
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
      terminal.onRemediationGone(g.getMessage());
    }
  }

  /** Pending: validate the spec, fix the effective timeouts, start processing. */
  private void begin() {
    lock.lock();
    try {
      Instant now = now();
      ledger.lifecycle().started(now);
      ledger.deadlines().start(now);
      ledger.waiting().waitFor("spec validation");
      ledger.journal().timeline("started");
      if (!ledger.run().localWrites()) {
        // since local-writes: the start options already carry the same attributes
        transitions.upsertSearchAttributes();
      }
      transitions.updateDetails();

      ValidationResult v =
          stubs
              .validation("validate RemediationRequest " + ledger.rr().name())
              .validateRemediation(ledger.rr());
      if (!v.valid()) {
        String first = v.violations().get(0).toString();
        terminal.enter(
            TerminalOutcome.failed(
                    FailureReasons.CONFIGURATION,
                    "InvalidSpec",
                    "invalid RemediationRequest spec: " + joinViolations(v))
                .withFailureReason(first)
                .notifying(
                    NotificationType.Escalation,
                    NotificationRules.escalation(false, ledger.severity())));
        return;
      }
      ledger
          .deadlines()
          .applyValidated(
              ledger.settings().defaultTimeouts().withOverrides(v.timeoutOverrides()),
              ledger.lifecycle().startTime());
      if (v.maxRecoveryAttempts() != null) {
        ledger.recovery().limitAttempts(v.maxRecoveryAttempts());
      }
      if (routingSteps.routeAtStart()) {
        transitions.enterProcessing();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A continued run: show where we are again; the loop picks up the same wait. */
  private void resume() {
    log.info(
        "continued as new in phase {} (run {})", ledger.lifecycle().phase(), ledger.run().runs());
    transitions.upsertSearchAttributes();
    transitions.updateDetails();
  }

  private void step() {
    Wake wake = wakes.awaitWake();
    if (wake == null) {
      return; // a handler ended the remediation (the RR was found gone)
    }
    if (wake == Wake.CONTINUE_AS_NEW) {
      continueAsNew();
      return;
    }
    lock.lock();
    try {
      // a handler may have changed the picture while we waited for the lock
      Wake now = wakes.pendingWake();
      if (now != null) {
        react(now);
      }
    } finally {
      lock.unlock();
    }
  }

  private void react(Wake wake) {
    switch (wake) {
      case CHILD_DONE ->
          reactions.onChildDone(ledger.children().latest(ledger.waiting().current().name()));
      case OPERATOR_DECISION -> {
        var d = ledger.approvals().operatorDecision();
        reactions.onApprovalDecision(d.decision(), d.by(), d.message(), "temporal");
      }
      case PROGRESS, NOTICE -> {
        boolean news = delivery.react();
        if (!news || delivery.unwritten()) {
          transitions.write();
        }
      }
      case GLOBAL_DEADLINE, PHASE_DEADLINE -> reactions.onDeadline(wake == Wake.GLOBAL_DEADLINE);
      case ROUTING -> routingSteps.onUnblock();
      case DUPLICATES -> {
        ledger
            .journal()
            .event(
                EventRecord.normal(
                    "DuplicateDetected",
                    String.join(", ", ledger.routing().unwrittenDuplicates())
                        + " registered as duplicate; "
                        + ledger.routing().duplicates().size()
                        + " in total"));
        transitions.write();
      }
      default -> throw new IllegalStateException("unexpected wake " + wake);
    }
  }

  private void onActivityFailure(ActivityFailure f) {
    String type =
        f.getCause() instanceof ApplicationFailure af
            ? af.getType()
            : f.getCause().getClass().getSimpleName();
    String msg = f.getCause() != null ? f.getCause().getMessage() : f.getMessage();
    if (FailureTypes.REMEDIATION_REQUEST_GONE.equals(type)) {
      terminal.onRemediationGone(msg);
      return;
    }
    lock.lock();
    try {
      if (ledger.lifecycle().phase().isTerminal()) {
        return;
      }
      if (budgetSpent(f)) {
        log.warn(
            "activity {} could not finish before the {} deadline: {} {}",
            f.getActivityType(),
            ledger.lifecycle().phase(),
            type,
            rootMessage(f));
        ledger
            .journal()
            .event(
                EventRecord.warning(
                    "KubernetesApiUnavailable",
                    f.getActivityType()
                        + " kept failing until the "
                        + ledger.lifecycle().phase()
                        + " deadline passed: "
                        + rootMessage(f)));
        reactions.onBudgetSpent();
        return;
      }
      log.warn(
          "activity {} failed for good in phase {}: {} {}",
          f.getActivityType(),
          ledger.lifecycle().phase(),
          type,
          msg);
      boolean configuration = CONFIGURATION_FAILURES.contains(type);
      terminal.enter(
          TerminalOutcome.failed(
                  configuration ? FailureReasons.CONFIGURATION : ledger.lifecycle().phase().name(),
                  type,
                  f.getActivityType() + " failed: " + msg)
              .notifying(
                  NotificationType.Escalation,
                  NotificationRules.escalation(false, ledger.severity())));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The activity ran out of its budget (schedule-to-close derived from the deadline the workflow
   * waits for): the Kubernetes API did not come back in time. The server gives up either when the
   * budget passes during an attempt or a backoff (a schedule-to-close timeout) or when the next
   * attempt would start after it (retry state TIMEOUT, the last attempt's error as cause); in the
   * second case the deadline is still a backoff away, and the phase times out at it.
   */
  private boolean budgetSpent(ActivityFailure f) {
    boolean timedOut =
        f.getRetryState() == RetryState.RETRY_STATE_TIMEOUT
            || (f.getCause() instanceof TimeoutFailure t
                && t.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE);
    if (!timedOut || ledger.deadlines().ending() != null) {
      return false;
    }
    Instant at = ledger.budgetDeadline();
    if (at == null) {
      return false;
    }
    Duration left = Duration.between(now(), at);
    if (left.compareTo(BACKOFF_SLACK) > 0) {
      return false; // a budget that was not the deadline's: not an outage of the phase
    }
    if (!left.isNegative() && !left.isZero()) {
      Workflow.sleep(left);
    }
    return true;
  }

  /** More than the longest retry interval: how early the server may give up on a budget. */
  private static final Duration BACKOFF_SLACK = Duration.ofMinutes(2);

  private void internalError(RuntimeException e) {
    lock.lock();
    try {
      guarded(
          () ->
              terminal.enter(
                  TerminalOutcome.failed(
                          ledger.lifecycle().phase().name(),
                          FailureReasons.INTERNAL_ERROR,
                          "internal error in phase " + ledger.lifecycle().phase() + ": " + e)
                      .notifying(
                          NotificationType.Escalation,
                          NotificationRules.escalation(false, ledger.severity()))
                      .markingChildren("ParentFailed")));
    } finally {
      lock.unlock();
    }
    internalError = e;
  }

  private RuntimeException internalError;

  /** Cancellation (operator cancel or RR deletion): compensate in a detached scope. */
  private void compensateCancellation() {
    if (ledger.lifecycle().phase().isTerminal()) {
      return;
    }
    Workflow.newDetachedCancellationScope(
            () -> {
              lock.lock();
              try {
                String who = cancelRequest().describe();
                guarded(
                    () ->
                        terminal.enter(
                            TerminalOutcome.cancelled(
                                    "remediation cancelled through Temporal"
                                        + (who.isEmpty()
                                            ? " (operator cancel or RR deletion)"
                                            : who)
                                        + " in phase "
                                        + ledger.lifecycle().phase())
                                .notifying(
                                    NotificationType.StatusUpdate,
                                    NotificationRules.informational())
                                .markingChildren("ParentCancelled")));
              } finally {
                lock.unlock();
              }
            })
        .run();
  }

  /**
   * Why and by whom the run was cancelled: the workflow cannot read its own cancel request, so an
   * activity reads it from the history (best effort; unknown when that fails). Histories recorded
   * before replay without it (version {@value #CANCEL_REASON_CHANGE}).
   */
  private CancelRequestInfo cancelRequest() {
    if (Workflow.getVersion(CANCEL_REASON_CHANGE, Workflow.DEFAULT_VERSION, 1) != 1) {
      return CancelRequestInfo.unknown();
    }
    try {
      CancelRequestInfo info =
          stubs
              .temporalLookup("read the cancel request")
              .describeCancelRequest(
                  new CancelRequestLookup(
                      Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId()));
      return info == null ? CancelRequestInfo.unknown() : info;
    } catch (ActivityFailure f) {
      log.warn("could not read the cancel request: {}", f.getMessage());
      return CancelRequestInfo.unknown();
    }
  }

  /** {@code Workflow.getVersion} change ID: the cancel's reason and requester are looked up. */
  static final String CANCEL_REASON_CHANGE = "cancel-reason";

  /** The workflow result: Completed/Skipped return; Failed/TimedOut fail typed and red. */
  private RemediationResult result() {
    if (internalError != null) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          ledger.lifecycle().message(), FailureReasons.INTERNAL_ERROR, internalError);
    }
    if (ledger.lifecycle().phase() == Phase.Failed
        || ledger.lifecycle().phase() == Phase.TimedOut) {
      throw ApplicationFailure.newNonRetryableFailure(
          ledger.lifecycle().message(),
          FailureReasons.failureType(
              ledger.lifecycle().phase(),
              ledger.lifecycle().outcome(),
              ledger.lifecycle().failurePhase()),
          ledger.status());
    }
    return new RemediationResult(
        ledger.lifecycle().phase(),
        ledger.lifecycle().outcome(),
        ledger.lifecycle().reason(),
        ledger.lifecycle().message());
  }

  private void continueAsNew() {
    routingExit.awaitReleases();
    Workflow.await(Workflow::isEveryHandlerFinished);
    log.info(
        "continuing as new in phase {} after {} events",
        ledger.lifecycle().phase(),
        Workflow.getInfo().getHistoryLength());
    Workflow.continueAsNew(ledger.input().withCarriedState(carried.snapshotState()));
  }

  @Override
  public void childStatusChanged(ChildStatus status) {
    if (status == null || status.name() == null || status.kind() == null) {
      return;
    }
    if (ledger.run().trackNotifications() && status.kind() == ChildKind.NotificationRequest) {
      delivery.onStatus(status);
      return;
    }
    if (!ledger.children().isRegistered(status.name())) {
      log.debug(
          "holding status of {} {}: not a child of this run yet", status.kind(), status.name());
      ledger.children().hold(status);
      return;
    }
    ledger.children().accept(status);
    reportSupersededDecision(status);
  }

  /** A decision on an approval request an operator retry replaced is reported, not acted on. */
  private void reportSupersededDecision(ChildStatus s) {
    if (s.kind() != ChildKind.RemediationApprovalRequest
        || !ledger.children().isSuperseded(s.name())
        || !(ChildPhases.APPROVED.equals(s.phase()) || ChildPhases.REJECTED.equals(s.phase()))
        || ledger.lifecycle().phase().isTerminal()
        || !ledger.approvals().firstReportOfLateDecision(s.name())) {
      return;
    }
    String by = s.approval() == null ? null : s.approval().decidedBy();
    ledger
        .journal()
        .notice(
            EventRecord.warning(
                "SupersededDecisionIgnored",
                s.phase()
                    + (by == null ? "" : " by " + by)
                    + " on RemediationApprovalRequest "
                    + s.name()
                    + " ignored: it was superseded by an operator retry"
                    + (ledger.waiting().current() == null
                        ? ""
                        : "; decide " + ledger.waiting().current().name())));
  }

  @Override
  public void validateRetry(RetryRequest request) {
    updates.validateRetry(request);
  }

  @Override
  public RetryResult retry(RetryRequest request) {
    return updates.retry(request);
  }

  @Override
  public void validateExtendTimeout(ExtendTimeoutRequest request) {
    updates.validateExtendTimeout(request);
  }

  @Override
  public ExtendTimeoutResult extendTimeout(ExtendTimeoutRequest request) {
    return updates.extendTimeout(request);
  }

  @Override
  public void duplicateRegistered(DuplicateNotice notice) {
    routingSteps.duplicateRegistered(notice);
  }

  @Override
  public void duplicateResolved(DuplicateResolution r) {
    routingSteps.duplicateResolved(r);
  }

  @Override
  public void lockGranted(LockAnswer answer) {
    routingSteps.lockGranted(answer);
  }

  @Override
  public void validateApprove(ApprovalCommand command) {
    updates.validateDecision(ChildPhases.APPROVED, command);
  }

  @Override
  public ApprovalResult approve(ApprovalCommand command) {
    return updates.decide(ChildPhases.APPROVED, command);
  }

  @Override
  public void validateReject(ApprovalCommand command) {
    updates.validateDecision(ChildPhases.REJECTED, command);
  }

  @Override
  public ApprovalResult reject(ApprovalCommand command) {
    return updates.decide(ChildPhases.REJECTED, command);
  }

  @Override
  public RemediationState state() {
    return carried.snapshotState();
  }
}
