package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.suffix;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.logic.PhaseTransitions;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/** The one way a remediation ends (and the quiet end when the RR is gone). */
final class Terminal {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  private final RemediationLedger ledger;
  private final WorkflowMetrics metrics;
  private final ActivityStubs stubs;
  private final Notifier notifier;
  private final Transitions transitions;
  private final RoutingExit routingExit;

  Terminal(
      RemediationLedger ledger,
      WorkflowMetrics metrics,
      ActivityStubs stubs,
      Notifier notifier,
      Transitions transitions,
      RoutingExit routingExit) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.stubs = stubs;
    this.notifier = notifier;
    this.transitions = transitions;
    this.routingExit = routingExit;
  }

  /** From now on every activity shares the ending budget (the phase deadlines no longer apply). */
  private void startEnding(Instant now) {
    ledger.deadlines().startEnding(now);
  }

  /** The RR was deleted under us: nothing to write to, so end quietly as Cancelled. */
  void onRemediationGone(String msg) {
    if (ledger.lifecycle().phase().isTerminal()) {
      return;
    }
    Phase from = ledger.lifecycle().phase();
    Instant now = now();
    startEnding(now);
    ledger
        .lifecycle()
        .cancelledAsGone(
            FailureTypes.REMEDIATION_REQUEST_GONE,
            "the RemediationRequest no longer exists" + suffix(msg),
            now);
    ledger.waiting().ended();
    metrics.phaseTransition(
        from,
        ledger.lifecycle().phase(),
        Duration.between(ledger.lifecycle().phaseStartTime(), now));
    if (from == Phase.Blocked) {
      metrics.unblocked(ledger.routing().blockReason());
    }
    try {
      routingExit.releaseRouting(
          Phase.Cancelled,
          Outcome.Cancelled,
          ledger.lifecycle().reason(),
          ledger.lifecycle().message());
    } catch (RuntimeException e) {
      log.warn("could not release routing for a gone RR: {}", e.getMessage());
    }
    ledger.journal().timeline("Cancelled: RemediationRequest gone");
    transitions.afterTransition();
    log.info(
        "RemediationRequest {}/{} is gone; ending the run",
        ledger.rr().namespace(),
        ledger.rr().name());
  }

  /**
   * The one way a remediation ends: mark children (when ending early), send the notification, write
   * the final status with completionTime, outcome and retentionExpiryTime. Never throws for an
   * activity failure: the best effort is recorded and the run still ends.
   */
  void enter(TerminalOutcome end) {
    if (ledger.lifecycle().phase().isTerminal()) {
      return;
    }
    Phase from = ledger.lifecycle().phase();
    Phase to = end.phase();
    Outcome out = end.outcome();
    String why = end.reason();
    String msg = end.message();
    String childrenReason = end.childrenReason();
    if (to == Phase.TimedOut) {
      ledger.lifecycle().timedOut(end.failure().phase(), end.failure().timedOutAt());
    }
    if (!PhaseTransitions.allowed(from, to)) {
      log.error("transition {} -> {} is not in the phase machine; ending anyway", from, to);
    }
    Instant now = now();
    startEnding(now);
    if (childrenReason != null) {
      try {
        int n =
            stubs
                .child("mark running children " + childrenReason)
                .markChildrenTerminal(new TerminateChildren(ledger.rr(), childrenReason, msg));
        if (n > 0) {
          ledger
              .journal()
              .event(
                  EventRecord.normal(
                      "ChildrenTerminated",
                      n + " running children marked Failed (" + childrenReason + ")"));
        }
      } catch (ActivityFailure f) {
        rethrowIfCancelled();
        log.warn("could not mark children terminal: {}", f.getMessage());
      }
    }
    ledger
        .lifecycle()
        .ended(
            out,
            why,
            msg,
            end.failure().phase(),
            end.failure().reason(),
            now,
            Timeouts.deadline(now, ledger.settings().retention()));
    transitions.changePhase(from, to, now, null, null);
    List<String> dups;
    if (ledger.run().localWrites()) {
      ledger.journal().timeline(to + " (" + out + "): " + why);
      dups = releaseAndNotifyTogether(end, to, out, why, msg);
    } else {
      ledger.journal().event(endEvent(to, msg));
      ledger.journal().timeline(to + " (" + out + "): " + why);
      dups = releaseThenNotify(end, to, out, why, msg);
    }
    if (!ledger.routing().duplicates().isEmpty()) {
      notifier.notifyBulk(ledger.routing().duplicates(), msg);
    }
    try {
      transitions.write();
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("final status write failed: {}", f.getMessage());
    } catch (RemediationGone g) {
      ledger.lifecycle().markGone();
    }
    metrics.remediationEnded(to, out.name(), Duration.between(ledger.lifecycle().startTime(), now));
    transitions.afterTransition();
  }

  /** Runs recorded before change {@code local-writes}: one call after the other. */
  private List<String> releaseThenNotify(
      TerminalOutcome end, Phase to, Outcome out, String why, String msg) {
    List<String> dups = routingExit.releaseRouting(to, out, why, msg);
    ledger.routing().addReleasedDuplicates(dups);
    if (end.notice() != null) {
      notifier.notify(end.notice().type(), end.notice().priority(), msg);
    }
    return dups;
  }

  /**
   * The lock's release, the coordinator's release and the notification do not depend on each other:
   * sent in one workflow task, awaited in a fixed order. The bulk notification, which needs the
   * released duplicates, follows.
   */
  private List<String> releaseAndNotifyTogether(
      TerminalOutcome end, Phase to, Outcome out, String why, String msg) {
    routingExit.releaseLock(null); // goes with the coordinator release
    Promise<List<String>> registration =
        Async.function(() -> routingExit.releaseRegistration(to, out, why, msg));
    Promise<String> notified =
        end.notice() == null
            ? Workflow.newPromise(null)
            : Async.function(
                () ->
                    notifier.notifyWithTransition(
                        end.notice().type(), end.notice().priority(), msg));
    List<String> dups = registration.get();
    String notice = notified.get();
    // the notification is named in the end's Event: one Event per transition
    ledger
        .journal()
        .event(
            endEvent(
                to, notice == null ? msg : (msg == null ? "" : msg + "; ") + "sent " + notice));
    ledger.routing().addReleasedDuplicates(dups);
    return dups;
  }

  private static EventRecord endEvent(Phase to, String msg) {
    return to == Phase.Completed || to == Phase.Skipped
        ? EventRecord.normal("Remediation" + to, msg)
        : EventRecord.warning("Remediation" + to, msg);
  }
}
