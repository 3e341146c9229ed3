package ai.kubernaut.orchestrator.sandbox.controllers;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the simulated notification controller "delivers" a NotificationRequest: the sandbox prints
 * one line per notification instead of calling Slack or sending mail.
 */
@FunctionalInterface
public interface NotificationSink {

  /** Called once per NotificationRequest, after it was marked Sent. */
  void deliver(Delivery delivery);

  /**
   * Logs each delivery at INFO on the {@code ai.kubernaut.orchestrator.sandbox.notifications}
   * logger.
   */
  static NotificationSink logging() {
    Logger log = LoggerFactory.getLogger("ai.kubernaut.orchestrator.sandbox.notifications");
    return delivery -> log.info("{}", delivery.summary());
  }

  /** Drops every delivery. */
  static NotificationSink discarding() {
    return delivery -> {};
  }

  /**
   * A delivered notification.
   *
   * @param namespace namespace of the NotificationRequest
   * @param name name of the NotificationRequest
   * @param remediationRequest name of the RR it is about, or null when unknown
   * @param type Escalation, Simple, StatusUpdate, Approval, ManualReview or Completion
   * @param priority Critical, High, Medium or Low
   * @param subject the subject line
   * @param channels requested channels; empty means the default routing
   */
  record Delivery(
      String namespace,
      String name,
      String remediationRequest,
      String type,
      String priority,
      String subject,
      List<String> channels) {

    public Delivery {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /**
     * One line for a console: {@code [notify] Completion/Low rr default/disk-full via default:
     * <subject>}.
     */
    public String summary() {
      return "[notify] %s/%s rr %s/%s via %s: %s"
          .formatted(
              orDash(type),
              orDash(priority),
              namespace,
              orDash(remediationRequest),
              channels.isEmpty() ? "default" : String.join(",", channels),
              orDash(subject));
    }

    private static String orDash(String value) {
      return value == null || value.isBlank() ? "-" : value;
    }
  }
}
