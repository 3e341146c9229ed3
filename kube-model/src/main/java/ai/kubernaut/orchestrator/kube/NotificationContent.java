package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the subject, body, priority and metadata of a NotificationRequest from the workflow's
 * {@link NotificationOrder}: pure, so each type's text is tested without a cluster.
 *
 * <p>A reader must be able to act on it without opening anything else: what fired (signal,
 * severity), where (target, namespace, cluster, environment), why (reason and message), what
 * happened so far (the order's timeline), what to do next for this type, and how to look at the
 * remediation ({@code kubectl describe rr}, {@code temporal workflow show -w <id>}).
 */
public record NotificationContent(
    String subject, String body, NotificationPriority priority, Map<String, String> metadata) {

  /** Longest subject we write: chat tools and mail clients truncate beyond this. */
  static final int MAX_SUBJECT = 200;

  /** Duplicates listed one per line in a bulk notification; the count is always exact. */
  static final int MAX_LISTED_DUPLICATES = 50;

  /** Timeline entries shown (the most recent ones). */
  static final int MAX_TIMELINE = 30;

  public NotificationContent {
    metadata = Map.copyOf(metadata);
  }

  /**
   * Composes the content of {@code order}.
   *
   * @param cluster the RR's spec.clusterID (null or empty: the local cluster)
   */
  public static NotificationContent of(NotificationOrder order, String cluster) {
    return new NotificationContent(
        subject(order), body(order, cluster), priority(order), metadata(order, cluster));
  }

  /** The priority the workflow asked for, else a default per type. */
  static NotificationPriority priority(NotificationOrder order) {
    if (order.priority() != null) {
      return order.priority();
    }
    return switch (order.type()) {
      case ManualReview -> NotificationPriority.Critical;
      case Escalation, Approval -> NotificationPriority.High;
      case StatusUpdate -> NotificationPriority.Medium;
      case Simple, Completion -> NotificationPriority.Low;
    };
  }

  static String subject(NotificationOrder order) {
    String what = orUnknown(order.signalName()) + severitySuffix(order);
    String on = " on " + orUnknown(order.target());
    String subject =
        switch (order.type()) {
          case Escalation -> "Remediation failed: " + what + on + reasonSuffix(order);
          case ManualReview -> "Manual review required: " + what + on + reasonSuffix(order);
          case Approval -> "Approval required: " + what + on;
          case Completion -> "Remediated: " + what + on;
          case StatusUpdate -> "Remediation " + phaseWord(order) + ": " + what + on;
          case Simple ->
              order.bulk()
                  ? order.duplicates().size()
                      + " duplicate alert(s) of "
                      + what
                      + on
                      + " "
                      + phaseWord(order)
                  : "Remediation update: " + what + on;
        };
    return truncate("[Kubernaut] " + subject, MAX_SUBJECT);
  }

  static String body(NotificationOrder order, String cluster) {
    StringBuilder b = new StringBuilder();
    b.append(headline(order)).append("\n\n");

    b.append("What:  signal ").append(orUnknown(order.signalName()));
    b.append(", severity ").append(orUnknown(order.severity())).append('\n');

    b.append("Where: ").append(orUnknown(order.target()));
    b.append(", namespace ").append(order.rr().namespace());
    b.append(", cluster ").append(blank(cluster) ? "local" : cluster);
    if (!blank(order.environment())) {
      b.append(", environment ").append(order.environment());
    }
    b.append('\n');

    if (!blank(order.reason()) || !blank(order.message())) {
      b.append("Why:   ").append(orUnknown(order.reason()));
      if (!blank(order.message())) {
        b.append(": ").append(order.message());
      }
      b.append('\n');
    }
    b.append("State: phase ").append(order.phase() == null ? "unknown" : order.phase());
    b.append(", recovery attempts ").append(order.recoveryAttempts()).append('\n');

    if (order.bulk() || !order.duplicates().isEmpty()) {
      appendDuplicates(b, order.duplicates());
    }
    appendTimeline(b, order.timeline());

    b.append("\nNext: ").append(nextStep(order)).append('\n');

    b.append("\nRemediationRequest: ")
        .append(order.rr().namespace())
        .append('/')
        .append(order.rr().name())
        .append("\n  kubectl describe rr ")
        .append(order.rr().name())
        .append(" -n ")
        .append(order.rr().namespace())
        .append('\n');
    if (!blank(order.workflowId())) {
      b.append("Temporal workflow: ")
          .append(order.workflowId())
          .append("\n  temporal workflow show -w ")
          .append(order.workflowId())
          .append('\n');
    }
    return b.toString();
  }

  static Map<String, String> metadata(NotificationOrder order, String cluster) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "remediationRequest", order.rr().name());
    put(m, "namespace", order.rr().namespace());
    put(m, "workflowId", order.workflowId());
    put(m, "phase", order.phase() == null ? null : order.phase().name());
    put(m, "reason", order.reason());
    put(m, "signalName", order.signalName());
    put(m, "severity", order.severity());
    put(m, "target", order.target());
    put(m, "environment", order.environment());
    put(m, "cluster", blank(cluster) ? "local" : cluster);
    m.put("recoveryAttempts", Integer.toString(order.recoveryAttempts()));
    if (order.bulk()) {
      m.put("duplicateCount", Integer.toString(order.duplicates().size()));
    }
    return m;
  }

  private static String headline(NotificationOrder order) {
    String rr = order.rr().namespace() + "/" + order.rr().name();
    return switch (order.type()) {
      case Escalation ->
          "Kubernaut could not remediate " + rr + " and is handing it over to a person.";
      case ManualReview ->
          "Kubernaut stopped remediating "
              + rr
              + ": a person must review it before anything else"
              + " is done.";
      case Approval ->
          "Kubernaut found a remediation for "
              + rr
              + " and needs a person to approve it before running it.";
      case Completion -> "Kubernaut remediated " + rr + ".";
      case StatusUpdate -> "The remediation " + rr + " is " + phaseWord(order) + ".";
      case Simple ->
          order.bulk()
              ? "The remediation "
                  + rr
                  + " ended ("
                  + phaseWord(order)
                  + "); "
                  + order.duplicates().size()
                  + " duplicate alert(s) were handled with it."
              : "Update on the remediation " + rr + ".";
    };
  }

  private static String nextStep(NotificationOrder order) {
    String wf = blank(order.workflowId()) ? "<workflow-id>" : order.workflowId();
    return switch (order.type()) {
      case Approval ->
          "approve or reject before the approval timeout:\n"
              + "  temporal workflow update execute --name approve -w "
              + wf
              + " --input '{\"by\":\"<you>\",\"message\":\"<why>\"}'\n"
              + "  temporal workflow update execute --name reject -w "
              + wf
              + " --input '{\"by\":\"<you>\",\"message\":\"<why>\"}'";
      case Escalation, ManualReview ->
          "investigate the target and the steps below; nothing more will be tried automatically."
              + " To run the failed phase again:\n"
              + "  temporal workflow update execute --name retry -w "
              + wf
              + " --input '{\"reason\":\"<why>\"}'";
      case Completion -> "nothing; check that the alert has resolved.";
      case StatusUpdate, Simple -> "nothing required; follow the remediation below if needed.";
    };
  }

  private static void appendDuplicates(StringBuilder b, List<String> duplicates) {
    b.append("\nDuplicates (").append(duplicates.size()).append("):\n");
    int shown = Math.min(duplicates.size(), MAX_LISTED_DUPLICATES);
    for (int i = 0; i < shown; i++) {
      b.append("  - ").append(duplicates.get(i)).append('\n');
    }
    if (duplicates.size() > shown) {
      b.append("  … and ").append(duplicates.size() - shown).append(" more\n");
    }
  }

  private static void appendTimeline(StringBuilder b, List<String> timeline) {
    if (timeline.isEmpty()) {
      return;
    }
    b.append("\nWhat happened so far:\n");
    int from = Math.max(0, timeline.size() - MAX_TIMELINE);
    if (from > 0) {
      b.append("  … ").append(from).append(" earlier step(s)\n");
    }
    for (int i = from; i < timeline.size(); i++) {
      b.append("  - ").append(timeline.get(i)).append('\n');
    }
  }

  private static String phaseWord(NotificationOrder order) {
    return order.phase() == null ? "updated" : order.phase().name();
  }

  private static String severitySuffix(NotificationOrder order) {
    return blank(order.severity()) ? "" : " (" + order.severity() + ")";
  }

  private static String reasonSuffix(NotificationOrder order) {
    return blank(order.reason()) ? "" : " — " + order.reason();
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (!blank(value)) {
      m.put(key, value);
    }
  }

  private static String orUnknown(String s) {
    return blank(s) ? "unknown" : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
