package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.info;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rootMessage;

import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.LockRelease;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.routing.RoutingIds;
import ai.kubernaut.orchestrator.workflows.routing.TargetLockWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Gives routing resources back (SPEC §5): the target's execution lock, and the coordinator
 * registration whose release hands the outcome to the duplicates.
 */
final class RoutingExit {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  private final RemediationLedger ledger;
  private final ActivityStubs stubs;

  RoutingExit(RemediationLedger ledger, ActivityStubs stubs) {
    this.ledger = ledger;
    this.stubs = stubs;
  }

  // lock releases sent without waiting for the server's confirmation (runs since local-writes)
  private final List<Promise<Void>> unconfirmed = new ArrayList<>();

  // a lock release not sent yet: it goes with the coordinator release when one follows
  private LockRelease pendingLock;

  /**
   * Gives the target's lock back (held or queued): a signal to {@code lock/<target>}. Since change
   * {@code local-writes} the release waits for the end of the reaction: when the coordinator
   * release follows, its activity sends it (no signal events, no workflow task for the
   * confirmation); otherwise {@link #flushLock} signals it without waiting for the confirmation,
   * and {@link #awaitReleases} waits for that before the run ends.
   */
  void releaseLock(String completedWorkflowId) {
    if (!ledger.routing().takeLock()) {
      return;
    }
    LockRelease release = new LockRelease(info().id(), ledger.rr().name(), completedWorkflowId);
    if (ledger.run().localWrites()) {
      pendingLock = release;
    } else {
      signalRelease(release);
    }
  }

  /** Signals the lock release still held back, if any (it is not going with a coordinator call). */
  void flushLock() {
    if (pendingLock != null) {
      LockRelease release = pendingLock;
      pendingLock = null;
      unconfirmed.add(Async.procedure(() -> signalRelease(release)));
    }
  }

  /** Waits for the lock releases still unsent or unconfirmed: a run does not close before. */
  void awaitReleases() {
    flushLock();
    List<Promise<Void>> sent = List.copyOf(unconfirmed);
    unconfirmed.clear();
    sent.forEach(Promise::get);
  }

  private void signalRelease(LockRelease release) {
    String id = RoutingIds.lock(ledger.snapshot().target());
    try {
      Workflow.newExternalWorkflowStub(TargetLockWorkflow.class, id).release(release);
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
  List<String> releaseRouting(Phase to, Outcome out, String why, String msg) {
    releaseLock(null);
    return releaseRegistration(to, out, why, msg);
  }

  /**
   * The coordinator hands the outcome to the duplicates (returned, for the bulk notification); the
   * lock is left to {@link #releaseLock}.
   */
  List<String> releaseRegistration(Phase to, Outcome out, String why, String msg) {
    if (!ledger.routing().takeRegistration()) {
      flushLock();
      return List.of();
    }
    LockRelease lock = pendingLock;
    pendingLock = null;
    try {
      RoutingReleaseResult r =
          stubs
              .routing(
                  "release " + to + " to the coordinator" + (lock == null ? "" : " and the lock"))
              .releaseRemediation(
                  new RoutingRelease(ledger.routing().request(), to, out, why, msg, lock));
      return r == null ? List.of() : r.duplicates();
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("could not release at the coordinator: {}", f.getMessage());
      ledger
          .journal()
          .event(
              EventRecord.warning(
                  "RoutingReleaseFailed", "duplicates were not released: " + rootMessage(f)));
      return List.of();
    }
  }
}
