package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.info;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.suffix;

import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.logic.PhaseTransitions;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.DuplicateNotice;
import ai.kubernaut.orchestrator.workflows.model.DuplicateResolution;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.routing.RoutingIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Routing interaction (SPEC §5): registering with the coordinator, the execution lock before
 * Executing, Blocked and leaving it, and the routing signals.
 */
final class RoutingSteps {
  private final RemediationLedger ledger;
  private final WorkflowMetrics metrics;
  private final ActivityStubs stubs;
  private final Transitions transitions;
  private final Terminal terminal;

  RoutingSteps(
      RemediationLedger ledger,
      WorkflowMetrics metrics,
      ActivityStubs stubs,
      Transitions transitions,
      Terminal terminal) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.stubs = stubs;
    this.transitions = transitions;
    this.terminal = terminal;
  }

  /**
   * Executing needs the target's execution lock first (SPEC §5 ResourceBusy): granted → the WE is
   * created; queued → Blocked until the lock workflow signals the grant; the same workflow
   * completed on the target within the cooldown → Skipped/RecentlyRemediated.
   */
  void enterExecuting(EventRecord... extra) {
    if (ledger.routingRequest == null) {
      transitions.createExecution(extra);
      return;
    }
    ledger.pendingEvents.addAll(List.of(extra));
    ledger.lockAttempt++;
    ledger.grant = null;
    LockAnswer a =
        stubs
            .routing("acquire execution lock " + RoutingIds.lock(ledger.snapshot.target()))
            .acquireExecutionLock(
                new LockRequest(
                    info().id(),
                    ledger.rr.name(),
                    ledger.snapshot.target(),
                    ledger.selectedWorkflowId,
                    ledger.lockAttempt,
                    ledger.settings.routing().recentlyRemediatedCooldown()));
    switch (a.decision()) {
      case LockAnswer.GRANTED -> {
        ledger.lockHeld = true;
        transitions.createExecution();
      }
      case LockAnswer.QUEUED -> {
        ledger.lockQueued = true;
        ledger.lockQueuedAt = now();
        enterBlocked(
            RoutingVerdict.RESOURCE_BUSY,
            null,
            "target "
                + ledger.snapshot.target().display()
                + " is busy: a WorkflowExecution of "
                + a.holder()
                + " runs there; queued at position "
                + a.position(),
            "the execution lock on "
                + ledger.snapshot.target().display()
                + " (held by "
                + a.holder()
                + ")");
      }
      default -> skipRecentlyRemediated(a);
    }
  }

  /**
   * Pending, after validation: register with the fingerprint's coordinator. True = proceed; false =
   * this remediation is now Blocked (a duplicate, or consecutive failures).
   */
  boolean routeAtStart() {
    ledger.routingRequest = ledger.routingRequestOf();
    if (ledger.routingRequest == null) {
      return true; // no Kubernetes target: nothing to coordinate on
    }
    RoutingVerdict v =
        stubs
            .routing(
                "register with "
                    + RoutingIds.coordinator(
                        ledger.snapshot.signalFingerprint(), ledger.snapshot.target()))
            .registerRemediation(ledger.routingRequest);
    ledger.registered = true;
    if (v == null || !v.blocked()) {
      return true;
    }
    if (RoutingVerdict.DUPLICATE_IN_PROGRESS.equals(v.reason())) {
      ledger.duplicateOf = v.duplicateOf();
      ledger.duplicateOfWorkflowId = v.duplicateOfWorkflowId();
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

  void enterBlocked(String why, Instant until, String msg, String waits) {
    Phase from = ledger.phase;
    PhaseTransitions.check(from, Phase.Blocked);
    Instant now = now();
    ledger.blockReason = why;
    ledger.blockedUntil = until;
    ledger.blockedSince = now;
    ledger.current = null;
    ledger.reason = why;
    ledger.message = msg;
    transitions.changePhase(from, Phase.Blocked, now, null, waits);
    metrics.blocked(why);
    ledger.pendingEvents.add(EventRecord.warning("RemediationBlocked", why + ": " + msg));
    ledger.timeline("Blocked (" + why + "): " + msg);
    transitions.write();
    transitions.afterTransition();
  }

  boolean unblockDue() {
    if (ledger.blockReason == null) {
      return false;
    }
    return switch (ledger.blockReason) {
      case RoutingVerdict.DUPLICATE_IN_PROGRESS -> ledger.resolution != null;
      case RoutingVerdict.RESOURCE_BUSY ->
          ledger.lockQueued
              ? ledger.grant != null
              : ledger.blockedUntil == null || !now().isBefore(ledger.blockedUntil);
      default -> ledger.blockedUntil == null || !now().isBefore(ledger.blockedUntil);
    };
  }

  /** Leaves Blocked. Time spent blocked does not use up the global timeout. */
  void onUnblock() {
    ledger.blockedDeadline = null;
    String was = ledger.blockReason;
    Instant now = now();
    if (ledger.executingDeadline == null) {
      // (between WorkflowExecution re-creations the wait counts: the remediation is executing)
      ledger.globalDeadline =
          Timeouts.deadline(ledger.globalDeadline, Duration.between(ledger.blockedSince, now));
    }
    switch (was) {
      case RoutingVerdict.DUPLICATE_IN_PROGRESS -> onOwnerEnded(ledger.resolution);
      case RoutingVerdict.RESOURCE_BUSY -> {
        if (ledger.lockQueued) {
          LockAnswer g = ledger.grant;
          ledger.grant = null;
          ledger.lockQueued = false;
          if (!LockAnswer.GRANTED.equals(g.decision())) {
            skipRecentlyRemediated(g);
            return;
          }
          ledger.lockHeld = true;
          Duration waited = Duration.between(ledger.lockQueuedAt, now);
          metrics.lockWait(waited);
          clearBlock(
              "execution lock on "
                  + ledger.snapshot.target().display()
                  + " granted after "
                  + Timeouts.human(waited));
          transitions.createExecution();
        } else {
          clearBlock("retrying the WorkflowExecution after ResourceBusy");
          enterExecuting();
        }
      }
      default ->
          terminal.enter(
              TerminalOutcome.failed(
                      Phase.Blocked.name(), RoutingVerdict.CONSECUTIVE_FAILURES, ledger.message)
                  .notifying(
                      NotificationType.Escalation,
                      NotificationRules.escalation(false, ledger.severity())));
    }
  }

  /** The original ended: inherit its outcome, or proceed on our own when it was cancelled. */
  private void onOwnerEnded(DuplicateResolution r) {
    ledger.resolution = null;
    if (r.released()) {
      String why =
          "the original "
              + r.owner()
              + " was cancelled or deleted"
              + suffix(r.message())
              + ": released, proceeding on its own";
      ledger.duplicateOf = null;
      ledger.duplicateOfWorkflowId = null;
      clearBlock(why);
      ledger.message = why;
      transitions.enterProcessing();
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
      terminal.enter(
          TerminalOutcome.completed(
              r.outcome() == null ? Outcome.Remediated : r.outcome(),
              Outcome.Deduplicated.name(),
              msg));
    } else if (p == Phase.Skipped) {
      terminal.enter(TerminalOutcome.skipped(Outcome.Deduplicated.name(), msg));
    } else {
      terminal.enter(
          TerminalOutcome.failed(Phase.Blocked.name(), Outcome.Deduplicated.name(), msg)
              .withOutcome(Outcome.Deduplicated)
              .withFailureReason("DuplicateOf" + p));
    }
  }

  private void clearBlock(String why) {
    ledger.pendingEvents.add(
        EventRecord.normal("RemediationUnblocked", ledger.blockReason + " cleared: " + why));
    ledger.timeline("unblocked: " + why);
    ledger.blockReason = null;
    ledger.blockedUntil = null;
    ledger.blockedSince = null;
    ledger.reason = null;
    ledger.message = why;
  }

  private void skipRecentlyRemediated(LockAnswer a) {
    ledger.skipReason = RoutingVerdict.RECENTLY_REMEDIATED;
    ledger.duplicateOf = a.earlierRemediation();
    metrics.duplicate(RoutingVerdict.RECENTLY_REMEDIATED);
    terminal.enter(
        TerminalOutcome.skipped(
            RoutingVerdict.RECENTLY_REMEDIATED,
            "workflow "
                + ledger.selectedWorkflowId
                + " completed on "
                + ledger.snapshot.target().display()
                + " at "
                + a.earlierCompletion()
                + " ("
                + a.earlierRemediation()
                + "), less than "
                + Timeouts.human(ledger.settings.routing().recentlyRemediatedCooldown())
                + " ago"));
  }

  void duplicateRegistered(DuplicateNotice notice) {
    if (notice == null
        || notice.duplicate() == null
        || ledger.duplicates.contains(notice.duplicate())) {
      return;
    }
    ledger.duplicates.add(notice.duplicate());
    ledger.lastDuplicateTime = notice.at();
  }

  void duplicateResolved(DuplicateResolution r) {
    if (r != null && ledger.resolution == null && !ledger.phase.isTerminal()) {
      ledger.resolution = r;
    }
  }

  void lockGranted(LockAnswer answer) {
    // may arrive before the acquire activity's own answer (Queued) does: kept for that attempt
    if (answer != null && answer.attempt() == ledger.lockAttempt && !ledger.lockHeld) {
      ledger.grant = answer;
    }
  }
}
