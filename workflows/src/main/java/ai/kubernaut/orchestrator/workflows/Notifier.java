package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.info;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rootMessage;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.suffix;

import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Creates the NotificationRequests of a remediation (best effort): one per order, plus the bulk
 * notice for duplicates (BR-ORCH-034).
 */
final class Notifier {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  private final RemediationLedger ledger;
  private final ActivityStubs stubs;

  Notifier(RemediationLedger ledger, ActivityStubs stubs) {
    this.ledger = ledger;
    this.stubs = stubs;
  }

  /** BR-ORCH-034: one Simple NR {@code nr-bulk-<rr>} listing the duplicates that ended with us. */
  void notifyBulk(List<String> dups, String msg) {
    NotificationOrder order =
        order(
            NotificationType.Simple,
            NotificationRules.informational(),
            true,
            dups.size()
                + " duplicate remediation"
                + (dups.size() == 1 ? "" : "s")
                + " ended with "
                + ledger.rr().name()
                + " ("
                + ledger.lifecycle().phase()
                + "): "
                + String.join(", ", dups)
                + suffix(msg),
            dups);
    sendNotification(order, NotificationType.Simple, NotificationRules.informational());
  }

  /** Creates one NR (best effort): true when it exists. */
  boolean notify(NotificationType type, NotificationPriority prio, String msg) {
    return sendNotification(order(type, prio, msg), type, prio);
  }

  /**
   * Creates one NR (best effort) sent with a transition, whose Event names it instead of an Event
   * of its own: returns what to say, or null when it could not be created (a Warning Event then
   * says why).
   */
  String notifyWithTransition(NotificationType type, NotificationPriority prio, String msg) {
    return create(order(type, prio, msg), type, prio);
  }

  private NotificationOrder order(NotificationType type, NotificationPriority prio, String msg) {
    return order(type, prio, false, msg != null ? msg : ledger.waiting().waitingFor(), List.of());
  }

  private NotificationOrder order(
      NotificationType type,
      NotificationPriority prio,
      boolean bulk,
      String message,
      List<String> duplicates) {
    return new NotificationOrder(
        ledger.rr(),
        type,
        prio,
        bulk,
        info().id(),
        ledger.lifecycle().phase(),
        ledger.lifecycle().reason(),
        message,
        ledger.snapshot() == null ? null : ledger.snapshot().signalName(),
        ledger.severity(),
        ledger.snapshot() == null || ledger.snapshot().target() == null
            ? null
            : ledger.snapshot().target().display(),
        ledger.analysis().environment(),
        ledger.recovery().attempts(),
        ledger.journal().timeline(),
        duplicates,
        null);
  }

  /**
   * Sends the NotificationRequest {@code failed} again under a new name, with the same content
   * (rebuilt with the Critical escalation priority when this run did not create it).
   */
  boolean resend(NotificationRef failed) {
    NotificationOrder first = ledger.notifications().orderOf(failed.name());
    NotificationOrder order =
        first != null
            ? first
            : order(
                failed.type(),
                NotificationRules.escalation(true, ledger.severity()),
                ledger.lifecycle().message());
    return sendNotification(order.retryOf(failed.name()), order.type(), order.priority());
  }

  private boolean sendNotification(
      NotificationOrder order, NotificationType type, NotificationPriority prio) {
    String created = create(order, type, prio);
    if (created != null) {
      ledger.journal().event(EventRecord.normal("NotificationCreated", created));
    }
    return created != null;
  }

  /** Creates the NR; returns its description, or null (with a Warning Event) when it failed. */
  private String create(NotificationOrder order, NotificationType type, NotificationPriority prio) {
    try {
      NotificationRef ref =
          stubs
              .notifications(
                  "notify "
                      + type
                      + (order.bulk() ? " bulk" : "")
                      + (order.retryOf() != null ? " again" : "")
                      + " ("
                      + prio
                      + ")")
              .createNotification(order);
      if (ref != null) {
        ledger
            .notifications()
            .created(order.retryOf() == null ? ref : ref.asRetryOf(order.retryOf()));
        ledger.notifications().rememberOrder(ref.name(), order);
      }
      return type
          + " notification "
          + (ref == null ? "" : ref.name())
          + " ("
          + prio
          + ")"
          + (order.retryOf() == null ? "" : ", re-sending " + order.retryOf());
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("could not create {} notification: {}", type, f.getMessage());
      ledger
          .journal()
          .event(
              EventRecord.warning(
                  "NotificationFailed",
                  type + " notification could not be created: " + rootMessage(f)));
      return null;
    }
  }
}
