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
    Routing routing = ledger.routing();
    if (routing.request() == null) {
      transitions.createExecution(extra);
      return;
    }
    ledger.journal().events(List.of(extra));
    int attempt = routing.nextLockAttempt();
    LockAnswer a =
        stubs
            .routingWait("acquire execution lock " + RoutingIds.lock(ledger.snapshot().target()))
            .acquireExecutionLock(
                new LockRequest(
                    info().id(),
                    ledger.rr().name(),
                    ledger.snapshot().target(),
                    routing.selectedWorkflowId(),
                    attempt,
                    ledger.settings().routing().recentlyRemediatedCooldown()));
    switch (a.decision()) {
      case LockAnswer.GRANTED -> {
        routing.lockHeld();
        transitions.createExecution();
      }
      case LockAnswer.QUEUED -> {
        routing.lockQueued(now());
        enterBlocked(
            RoutingVerdict.RESOURCE_BUSY,
            null,
            "target "
                + ledger.snapshot().target().display()
                + " is busy: a WorkflowExecution of "
                + a.holder()
                + " runs there; queued at position "
                + a.position(),
            "the execution lock on "
                + ledger.snapshot().target().display()
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
    ledger.routing().request(ledger.routingRequestOf());
    if (ledger.routing().request() == null) {
      return true; // no Kubernetes target: nothing to coordinate on
    }
    RoutingVerdict v =
        stubs
            .routingWait(
                "register with "
                    + RoutingIds.coordinator(
                        ledger.snapshot().signalFingerprint(), ledger.snapshot().target()))
            .registerRemediation(ledger.routing().request());
    ledger.routing().registered();
    if (v == null || !v.blocked()) {
      return true;
    }
    if (RoutingVerdict.DUPLICATE_IN_PROGRESS.equals(v.reason())) {
      ledger.routing().duplicateOf(v.duplicateOf(), v.duplicateOfWorkflowId());
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
    Phase from = ledger.lifecycle().phase();
    PhaseTransitions.check(from, Phase.Blocked);
    Instant now = now();
    ledger.routing().block(why, until, now);
    ledger.waiting().noChild();
    ledger.lifecycle().explain(why, msg);
    transitions.changePhase(from, Phase.Blocked, now, null, waits);
    metrics.blocked(why);
    ledger.journal().event(EventRecord.warning("RemediationBlocked", why + ": " + msg));
    ledger.journal().timeline("Blocked (" + why + "): " + msg);
    transitions.write();
    transitions.afterTransition();
  }

  boolean unblockDue() {
    Routing routing = ledger.routing();
    if (routing.blockReason() == null) {
      return false;
    }
    return switch (routing.blockReason()) {
      case RoutingVerdict.DUPLICATE_IN_PROGRESS -> routing.resolution() != null;
      case RoutingVerdict.RESOURCE_BUSY ->
          routing.isLockQueued()
              ? routing.grant() != null
              : routing.blockedUntil() == null || !now().isBefore(routing.blockedUntil());
      default -> routing.blockedUntil() == null || !now().isBefore(routing.blockedUntil());
    };
  }

  /** Leaves Blocked. Time spent blocked does not use up the global timeout. */
  void onUnblock() {
    Routing routing = ledger.routing();
    routing.blockedDeadline(null);
    String was = routing.blockReason();
    Instant now = now();
    if (routing.executingDeadline() == null) {
      // (between WorkflowExecution re-creations the wait counts: the remediation is executing)
      ledger.deadlines().extendGlobal(Duration.between(routing.blockedSince(), now));
    }
    switch (was) {
      case RoutingVerdict.DUPLICATE_IN_PROGRESS -> onOwnerEnded(routing.takeResolution());
      case RoutingVerdict.RESOURCE_BUSY -> {
        if (routing.isLockQueued()) {
          LockAnswer g = routing.takeGrant();
          if (!LockAnswer.GRANTED.equals(g.decision())) {
            skipRecentlyRemediated(g);
            return;
          }
          routing.lockHeld();
          Duration waited = Duration.between(routing.lockQueuedAt(), now);
          metrics.lockWait(waited);
          clearBlock(
              "execution lock on "
                  + ledger.snapshot().target().display()
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
                      Phase.Blocked.name(),
                      RoutingVerdict.CONSECUTIVE_FAILURES,
                      ledger.lifecycle().message())
                  .notifying(
                      NotificationType.Escalation,
                      NotificationRules.escalation(false, ledger.severity())));
    }
  }

  /** The original ended: inherit its outcome, or proceed on our own when it was cancelled. */
  private void onOwnerEnded(DuplicateResolution r) {
    if (r.released()) {
      String why =
          "the original "
              + r.owner()
              + " was cancelled or deleted"
              + suffix(r.message())
              + ": released, proceeding on its own";
      ledger.routing().releasedByOriginal();
      clearBlock(why);
      ledger.lifecycle().describe(why);
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
    ledger
        .journal()
        .event(
            EventRecord.normal(
                "RemediationUnblocked", ledger.routing().blockReason() + " cleared: " + why));
    ledger.journal().timeline("unblocked: " + why);
    ledger.routing().unblock();
    ledger.lifecycle().explain(null, why);
  }

  private void skipRecentlyRemediated(LockAnswer a) {
    ledger.routing().recentlyRemediated(RoutingVerdict.RECENTLY_REMEDIATED, a.earlierRemediation());
    metrics.duplicate(RoutingVerdict.RECENTLY_REMEDIATED);
    terminal.enter(
        TerminalOutcome.skipped(
            RoutingVerdict.RECENTLY_REMEDIATED,
            "workflow "
                + ledger.routing().selectedWorkflowId()
                + " completed on "
                + ledger.snapshot().target().display()
                + " at "
                + a.earlierCompletion()
                + " ("
                + a.earlierRemediation()
                + "), less than "
                + Timeouts.human(ledger.settings().routing().recentlyRemediatedCooldown())
                + " ago"));
  }

  void duplicateRegistered(DuplicateNotice notice) {
    if (notice != null && notice.duplicate() != null) {
      ledger.routing().addDuplicate(notice.duplicate(), notice.at());
    }
  }

  void duplicateResolved(DuplicateResolution r) {
    if (r != null && !ledger.lifecycle().phase().isTerminal()) {
      ledger.routing().resolved(r);
    }
  }

  void lockGranted(LockAnswer answer) {
    // may arrive before the acquire activity's own answer (Queued) does: kept for that attempt
    ledger.routing().offerGrant(answer);
  }
}
