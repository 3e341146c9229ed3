package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.sleepUnless;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.suffix;

import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/**
 * What became of the remediation's NotificationRequests (BR-ORCH-029/030): each NR's phase is kept
 * in its reference; a Failed one gives a Warning Event and a metric, and a failed Escalation or
 * ManualReview is sent once more under {@code <name>-retry-1}. NRs are mostly delivered after the
 * remediation ended, so the run stays open after its end for at most {@link #WATCH} to hear from
 * them.
 */
final class NotificationDelivery {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  static final String SENT = "Sent";
  static final String FAILED = "Failed";

  /** How long an ended remediation waits for its NotificationRequests to report delivery. */
  static final Duration WATCH = Duration.ofMinutes(10);

  /** The types a human must read: re-sent once when they fail. */
  static final Set<NotificationType> RESENT =
      Set.of(NotificationType.Escalation, NotificationType.ManualReview);

  private final RemediationLedger ledger;
  private final WorkflowMetrics metrics;
  private final Notifier notifier;
  private final Transitions transitions;
  private final WorkflowLock lock;

  NotificationDelivery(
      RemediationLedger ledger,
      WorkflowMetrics metrics,
      Notifier notifier,
      Transitions transitions,
      WorkflowLock lock) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.notifier = notifier;
    this.transitions = transitions;
    this.lock = lock;
  }

  /** Signal handler: records a NotificationRequest's phase (no activities). */
  void onStatus(ChildStatus s) {
    if (s.phase() != null) {
      ledger.notifications().delivery(s);
    }
  }

  /**
   * Reacts to delivery news (under the lock): a Warning Event and the metric per failed NR, and one
   * re-send of a failed Escalation or ManualReview. True when there was news.
   */
  boolean react() {
    boolean any = false;
    // a re-send's own status may come with its create
    while (ledger.notifications().takeChange()) {
      any = true;
      reportFailures();
    }
    return any;
  }

  private void reportFailures() {
    for (NotificationRef r : List.copyOf(ledger.notifications().refs())) {
      if (!FAILED.equals(r.phase()) || !ledger.notifications().firstReportOfFailure(r.name())) {
        continue;
      }
      boolean resend =
          RESENT.contains(r.type())
              && r.retryOf() == null
              && !ledger.notifications().resent(r.name());
      log.warn("{} notification {} was not delivered: {}", r.type(), r.name(), r.message());
      metrics.notificationFailed(r.type());
      ledger
          .journal()
          .event(
              EventRecord.warning(
                  "NotificationDeliveryFailed",
                  r.type()
                      + " notification "
                      + r.name()
                      + " was not delivered"
                      + suffix(r.message())
                      + (resend ? "; sending it again" : "")));
      if (resend) {
        notifier.resend(r);
      }
    }
  }

  /** Something the RR does not show yet: a delivery change or an Event. */
  boolean unwritten() {
    return ledger.journal().hasEvents() || ledger.notifications().unwritten();
  }

  static boolean settled(String phase) {
    return SENT.equals(phase) || FAILED.equals(phase);
  }

  /**
   * After the remediation ended: react to delivery news until every NR is settled, at most {@link
   * #WATCH}. NRs still unsettled then are reported once (Warning Event). A cancel (the RR was
   * deleted) ends the watch; the run still completes with its own result.
   */
  void watchAfterEnding() {
    if (ledger.lifecycle().gone() || ledger.notifications().isEmpty()) {
      return;
    }
    Instant until = Timeouts.deadline(now(), WATCH);
    ledger.waiting().waitFor("notification delivery");
    transitions.updateDetails();
    try {
      while (true) {
        lock.lock();
        try {
          react();
          if (unwritten()) {
            write();
          }
        } finally {
          lock.unlock();
        }
        // a status may have come in during the write: react to it before judging
        if (ledger.lifecycle().gone()
            || (ledger.notifications().allSettled() && !ledger.notifications().changed())) {
          return;
        }
        if (!awaitNews(Duration.between(now(), until))) {
          unconfirmed();
          return;
        }
      }
    } catch (CanceledFailure e) {
      log.info("cancelled while waiting for notification delivery; the remediation had ended");
    } finally {
      ledger.waiting().waitFor(null);
      transitions.updateDetails();
    }
  }

  /** Waits for delivery news at most {@code left} (a Temporal timer with a summary). */
  private boolean awaitNews(Duration left) {
    if (left.compareTo(Duration.ofMillis(1)) < 0) {
      return ledger.notifications().changed();
    }
    return sleepUnless(
            left,
            "notification delivery watch " + Timeouts.human(WATCH),
            () -> ledger.notifications().changed())
        || ledger.notifications().changed();
  }

  private void unconfirmed() {
    List<String> open = ledger.notifications().unsettled();
    ledger
        .journal()
        .event(
            EventRecord.warning(
                "NotificationDeliveryUnconfirmed",
                String.join(", ", open)
                    + " reported no delivery within "
                    + Timeouts.human(WATCH)
                    + " of the end; no longer watched"));
    lock.lock();
    try {
      write();
    } finally {
      lock.unlock();
    }
  }

  /** A status write after the end: its own ending budget, best effort. */
  private void write() {
    ledger.deadlines().renewEnding(now());
    try {
      transitions.write();
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("status write after the end failed: {}", f.getMessage());
    } catch (RemediationGone g) {
      ledger.lifecycle().markGone();
    }
  }
}
