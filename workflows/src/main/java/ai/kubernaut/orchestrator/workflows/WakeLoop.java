package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.nz;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.sleepUnless;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.steps;

import ai.kubernaut.orchestrator.workflows.WakeLoop.Wake;
import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for what wakes the main loop: a child or operator decision, WorkflowExecution progress,
 * duplicates, routing, a deadline timer (restarted when the deadline moves), or continue-as-new.
 */
final class WakeLoop {
  private final RemediationLedger ledger;
  private final RoutingSteps routingSteps;
  private final long continueAsNewAfterEvents;

  /**
   * {@code Workflow.getVersion} change ID: a Blocked remediation without an end time of its own
   * times out after the Blocked budget (the global timeout, counted from blockedSince).
   */
  static final String BLOCKED_BUDGET_CHANGE = "blocked-budget";

  WakeLoop(RemediationLedger ledger, RoutingSteps routingSteps, long continueAsNewAfterEvents) {
    this.ledger = ledger;
    this.routingSteps = routingSteps;
    this.continueAsNewAfterEvents = continueAsNewAfterEvents;
  }

  /** What woke the main loop. */
  enum Wake {
    CHILD_DONE,
    OPERATOR_DECISION,
    PROGRESS,
    GLOBAL_DEADLINE,
    PHASE_DEADLINE,
    CONTINUE_AS_NEW,
    /** Blocked: the owner ended, the lock was granted, or the block's time is up. */
    ROUTING,
    /** The coordinator registered new duplicates of this remediation: show them in status. */
    DUPLICATES,
    /**
     * An Event to report (a late decision on a superseded approval request), or a
     * NotificationRequest's delivery news.
     */
    NOTICE
  }

  /**
   * Waits until something needs a reaction: a Temporal timer (with a summary) on the nearest
   * deadline, woken early by signals and updates; a moved deadline restarts the timer. Null when a
   * handler ended the remediation.
   */
  Wake awaitWake() {
    ledger.run().firstWait(Workflow.getInfo().getHistoryLength());
    while (true) {
      if (ledger.lifecycle().phase().isTerminal()) {
        return null; // ended by a handler
      }
      // before any reaction: a pending wake is carried over and handled by the next run
      if (continueAsNewDue()) {
        return Wake.CONTINUE_AS_NEW;
      }
      Wake wake = pendingWake();
      if (wake != null) {
        return wake;
      }
      if (ledger.lifecycle().phase() == Phase.Blocked) {
        awaitUnblock();
        continue;
      }
      boolean global = !ledger.deadlines().global().isAfter(ledger.deadlines().phase());
      Instant at = global ? ledger.deadlines().global() : ledger.deadlines().phase();
      Duration remaining = Duration.between(now(), at);
      if (remaining.compareTo(Duration.ofMillis(1)) < 0) {
        remaining = Duration.ofMillis(1);
      }
      String summary =
          global
              ? "global timeout " + Timeouts.human(ledger.deadlines().timeouts().global())
              : ledger.lifecycle().phase().name().toLowerCase()
                  + " timeout "
                  + Timeouts.human(ledger.phaseBudget());
      awaitTimerOrWake(remaining, summary);
    }
  }

  /**
   * Blocked: no phase or global timer runs (the block ends with the owner, the lock holder, or at
   * blockedUntil, each bounded by their own timers); only blockedUntil is a Temporal timer.
   */
  private void awaitUnblock() {
    int version = ledger.deadlines().version();
    Routing routing = ledger.routing();
    if (routing.executingDeadline() != null) {
      // between WorkflowExecution re-creations: bounded by the Executing and global deadlines
      Instant at = routing.executingDeadline();
      if (ledger.deadlines().global().isBefore(at)) {
        at = ledger.deadlines().global();
      }
      if (routing.blockedUntil() != null && routing.blockedUntil().isBefore(at)) {
        at = routing.blockedUntil();
      }
      awaitTimerOrWake(
          atLeastOneMilli(Duration.between(now(), at)),
          "blocked (" + routing.blockReason() + ") until " + at);
      return;
    }
    if (routing.blockedUntil() == null
        && Workflow.getVersion(BLOCKED_BUDGET_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      // a block without an end of its own is bounded by the Blocked budget
      routing.blockedDeadline(
          Timeouts.deadline(routing.blockedSince(), ledger.deadlines().timeouts().global()));
      awaitTimerOrWake(
          atLeastOneMilli(Duration.between(now(), routing.blockedDeadline())),
          "blocked ("
              + routing.blockReason()
              + ") budget "
              + Timeouts.human(ledger.deadlines().timeouts().global()));
      return;
    }
    if (routing.blockedUntil() == null) {
      Workflow.await(
          () ->
              ledger.deadlines().version() != version
                  || pendingWake() != null
                  || continueAsNewDue()
                  || ledger.lifecycle().phase().isTerminal());
      return;
    }
    Duration remaining = Duration.between(now(), routing.blockedUntil());
    if (remaining.compareTo(Duration.ofMillis(1)) < 0) {
      remaining = Duration.ofMillis(1);
    }
    awaitTimerOrWake(
        remaining, "blocked (" + routing.blockReason() + ") until " + routing.blockedUntil());
  }

  /** Sleeps on the deadline's timer until it fires, the deadline moves, or something is due. */
  private void awaitTimerOrWake(Duration delay, String summary) {
    int version = ledger.deadlines().version();
    sleepUnless(
        delay,
        summary,
        () ->
            ledger.deadlines().version() != version
                || pendingWake() != null
                || continueAsNewDue()
                || ledger.lifecycle().phase().isTerminal());
  }

  /** The reaction the current state calls for, if any (no side effects). */
  Wake pendingWake() {
    if (ledger.lifecycle().phase().isTerminal() || ledger.lifecycle().phase() == Phase.Pending) {
      return null;
    }
    if (ledger.lifecycle().phase() == Phase.Blocked) {
      Instant executing = ledger.routing().executingDeadline();
      if (executing != null) {
        Instant now = now();
        if (!now.isBefore(ledger.deadlines().global())) {
          return Wake.GLOBAL_DEADLINE;
        }
        if (!now.isBefore(executing)) {
          return Wake.PHASE_DEADLINE;
        }
      }
      if (routingSteps.unblockDue()) {
        return Wake.ROUTING;
      }
      Instant budget = ledger.routing().blockedDeadline();
      if (budget != null && !now().isBefore(budget)) {
        return Wake.GLOBAL_DEADLINE; // the Blocked budget
      }
      return ledger.routing().hasUnwrittenDuplicates() ? Wake.DUPLICATES : null;
    }
    if (ledger.waiting().current() == null) {
      return null;
    }
    ChildStatus s = ledger.children().latest(ledger.waiting().current().name());
    if (s != null && ChildPhases.isTerminal(ledger.waiting().current().kind(), s.phase())) {
      return Wake.CHILD_DONE;
    }
    if (ledger.lifecycle().phase() == Phase.AwaitingApproval
        && ledger.approvals().operatorDecision() != null) {
      return Wake.OPERATOR_DECISION;
    }
    if (ledger.waiting().current().kind() == ChildKind.WorkflowExecution
        && s != null
        && nz(steps(s)) != ledger.journal().stepsWritten()) {
      return Wake.PROGRESS;
    }
    if (ledger.routing().hasUnwrittenDuplicates()) {
      return Wake.DUPLICATES;
    }
    if (ledger.journal().noticePending() || ledger.notifications().changed()) {
      return Wake.NOTICE;
    }
    Instant now = now();
    if (!now.isBefore(ledger.deadlines().global())) {
      return Wake.GLOBAL_DEADLINE;
    }
    if (!now.isBefore(ledger.deadlines().phase())) {
      return Wake.PHASE_DEADLINE;
    }
    return null;
  }

  private static Duration atLeastOneMilli(Duration d) {
    return d.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : d;
  }

  /**
   * The server's suggestion is followed in any phase (a fresh run is far below it, so this cannot
   * loop); the configured threshold applies to a run that made a transition, or whose own events
   * (since it first waited) reach it, so a run that stays in one phase still continues while a
   * fresh run never continues before doing anything. Runs recorded before keep the old rule
   * (transitions only).
   */
  private boolean continueAsNewDue() {
    long threshold = continueAsNewAfterEvents;
    long length = Workflow.getInfo().getHistoryLength();
    if (!ledger.run().continueInAnyPhase()) {
      if (ledger.run().transitions() == 0) {
        return false; // a new run always makes progress first, whatever the threshold
      }
      return Workflow.getInfo().isContinueAsNewSuggested()
          || (threshold > 0 && length >= threshold);
    }
    if (Workflow.getInfo().isContinueAsNewSuggested()) {
      return true;
    }
    return threshold > 0
        && length >= threshold
        && (ledger.run().transitions() > 0 || length - ledger.run().baseline() >= threshold);
  }
}
