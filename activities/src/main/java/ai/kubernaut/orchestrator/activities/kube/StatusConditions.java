package ai.kubernaut.orchestrator.activities.kube;

import ai.kubernaut.orchestrator.kube.ChildMetadata;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the RR's conditions from the desired status (pure).
 *
 * <table>
 *   <caption>Conditions the orchestrator owns</caption>
 *   <tr><th>type</th><th>True</th><th>False</th><th>Unknown</th></tr>
 *   <tr><td>Ready</td><td>Completed with Remediated or NoActionRequired (reason = outcome)</td>
 *       <td>any other terminal state (reason = outcome, else phase)</td>
 *       <td>still running (reason = current phase)</td></tr>
 *   <tr><td>SpecValid</td><td>past Pending (Valid)</td><td>failurePhase Configuration
 *       (InvalidSpec)</td><td>Pending (Validating)</td></tr>
 *   <tr><td>SignalProcessed, Analyzed, Executed</td><td>child Completed (reason Completed, or the
 *       AI's reason such as WorkflowNotNeeded)</td><td>child Failed or Skipped, or the RR ended
 *       first (TimedOut when the phase timed out, else Interrupted)</td><td>child running
 *       (InProgress)</td></tr>
 *   <tr><td>NotificationDelivered</td><td>every NotificationRequest Sent (a failed one's re-send
 *       counts for it)</td><td>one failed and was not re-sent, or its re-send failed too
 *       (DeliveryFailed)</td><td>one has not reported delivery yet (Pending, Retrying)</td></tr>
 *   <tr><td>Approved</td><td>approval given (Approved)</td><td>rejected (failureReason, else
 *       Rejected), expired (Expired) or the RR ended first (Interrupted)</td><td>awaiting a
 *       decision (AwaitingDecision)</td></tr>
 * </table>
 *
 * <p>A stage condition appears once its child exists (its summary or reference is set). Conditions
 * of other types, written by someone else, are kept as they are. lastTransitionTime changes only
 * when a condition's status changes.
 */
public final class StatusConditions {

  public static final String READY = "Ready";
  public static final String SPEC_VALID = "SpecValid";
  public static final String SIGNAL_PROCESSED = "SignalProcessed";
  public static final String ANALYZED = "Analyzed";
  public static final String APPROVED = "Approved";
  public static final String EXECUTED = "Executed";
  public static final String NOTIFICATION_DELIVERED = "NotificationDelivered";

  /** The condition types this class owns (and replaces); others are left alone. */
  public static final Set<String> OWNED =
      Set.of(
          READY,
          SPEC_VALID,
          SIGNAL_PROCESSED,
          ANALYZED,
          APPROVED,
          EXECUTED,
          NOTIFICATION_DELIVERED);

  static final String TRUE = "True";
  static final String FALSE = "False";
  static final String UNKNOWN = "Unknown";

  private StatusConditions() {}

  /**
   * The full condition list to store: ours derived from {@code desired}, then the foreign ones from
   * {@code existing} in their order.
   */
  public static List<Condition> derive(
      DesiredStatus desired, Long generation, List<Condition> existing, Instant now) {
    List<Condition> previous = existing == null ? List.of() : existing;
    List<Condition> result = new ArrayList<>();
    for (Condition c : ours(desired)) {
      c.setObservedGeneration(generation);
      Condition before = find(previous, c.getType());
      c.setLastTransitionTime(
          before != null
                  && Objects.equals(before.getStatus(), c.getStatus())
                  && before.getLastTransitionTime() != null
              ? before.getLastTransitionTime()
              : ChildMetadata.rfc3339(now));
      result.add(c);
    }
    for (Condition c : previous) {
      if (!OWNED.contains(c.getType())) {
        result.add(c);
      }
    }
    return result;
  }

  /** Our conditions, without timestamps or generation. */
  static List<Condition> ours(DesiredStatus d) {
    List<Condition> list = new ArrayList<>();
    list.add(ready(d));
    list.add(specValid(d));
    DesiredStatus.Summaries s = d.summaries();
    DesiredStatus.Children ch = d.children();
    if ((s != null && s.signalProcessing() != null)
        || (ch != null && ch.signalProcessing() != null)) {
      list.add(stage(SIGNAL_PROCESSED, s == null ? null : s.signalProcessing(), d, "Processing"));
    }
    if ((s != null && s.aiAnalysis() != null) || (ch != null && !ch.aiAnalyses().isEmpty())) {
      list.add(stage(ANALYZED, s == null ? null : s.aiAnalysis(), d, "Analyzing"));
    }
    if (ch != null && ch.approvalRequest() != null) {
      list.add(approved(d));
    }
    if ((s != null && s.workflowExecution() != null)
        || (ch != null && !ch.workflowExecutions().isEmpty())) {
      list.add(stage(EXECUTED, s == null ? null : s.workflowExecution(), d, "Executing"));
    }
    if (ch != null) {
      Condition delivered = notificationDelivered(ch.notifications());
      if (delivered != null) {
        list.add(delivered);
      }
    }
    return list;
  }

  /**
   * Null until a NotificationRequest reported (runs that do not track delivery never do). A failed
   * NR that was sent again is judged by its re-send.
   */
  static Condition notificationDelivered(List<NotificationRef> refs) {
    if (refs.stream().allMatch(r -> r.phase() == null && r.retryOf() == null)) {
      return null;
    }
    List<String> failed = new ArrayList<>();
    List<NotificationRef> waiting = new ArrayList<>();
    for (NotificationRef r : refs) {
      boolean resent = refs.stream().anyMatch(o -> r.name().equals(o.retryOf()));
      if (FAILED_NR.equals(r.phase()) && !resent) {
        failed.add(
            r.type()
                + " notification "
                + r.name()
                + (r.retryOf() == null ? "" : " (re-sent for " + r.retryOf() + ")")
                + " was not delivered"
                + (notBlank(r.message()) ? ": " + r.message() : ""));
      } else if (!SENT_NR.equals(r.phase()) && !FAILED_NR.equals(r.phase())) {
        waiting.add(r);
      }
    }
    if (!failed.isEmpty()) {
      return condition(NOTIFICATION_DELIVERED, FALSE, "DeliveryFailed", String.join("; ", failed));
    }
    if (!waiting.isEmpty()) {
      boolean retrying = waiting.stream().anyMatch(r -> r.retryOf() != null);
      return condition(
          NOTIFICATION_DELIVERED,
          UNKNOWN,
          retrying ? "Retrying" : "Pending",
          "waiting for delivery of "
              + String.join(", ", waiting.stream().map(NotificationRef::name).toList()));
    }
    return condition(
        NOTIFICATION_DELIVERED,
        TRUE,
        "Delivered",
        refs.size() + (refs.size() == 1 ? " notification" : " notifications") + " delivered");
  }

  private static final String SENT_NR = "Sent";
  private static final String FAILED_NR = "Failed";

  static Condition ready(DesiredStatus d) {
    Phase phase = d.overallPhase() == null ? Phase.Pending : d.overallPhase();
    Outcome outcome = d.outcome();
    if (phase == Phase.Completed
        && (outcome == Outcome.Remediated || outcome == Outcome.NoActionRequired)) {
      return condition(READY, TRUE, outcome.name(), d.message());
    }
    if (phase.isTerminal()) {
      return condition(READY, FALSE, outcome != null ? outcome.name() : phase.name(), message(d));
    }
    return condition(READY, UNKNOWN, phase.name(), message(d));
  }

  static Condition specValid(DesiredStatus d) {
    if (d.failure() != null && "Configuration".equals(d.failure().failurePhase())) {
      return condition(SPEC_VALID, FALSE, "InvalidSpec", message(d));
    }
    if (d.overallPhase() == null || d.overallPhase() == Phase.Pending) {
      return condition(SPEC_VALID, UNKNOWN, "Validating", "the spec is being validated");
    }
    return condition(SPEC_VALID, TRUE, "Valid", "the spec is valid");
  }

  static Condition stage(String type, ChildStatus child, DesiredStatus d, String rrPhase) {
    String childPhase = child == null ? null : child.phase();
    String childMessage = child == null ? null : child.message();
    if ("Completed".equals(childPhase)) {
      String reason =
          child.analysis() != null && notBlank(child.analysis().reason())
              ? child.analysis().reason()
              : "Completed";
      return condition(type, TRUE, reason, childMessage);
    }
    if ("Failed".equals(childPhase)) {
      String reason =
          child.analysis() != null && notBlank(child.analysis().reason())
              ? child.analysis().reason()
              : "Failed";
      return condition(type, FALSE, reason, childMessage);
    }
    if ("Skipped".equals(childPhase)) {
      String skip = child.execution() == null ? null : child.execution().skipReason();
      return condition(type, FALSE, "Skipped", notBlank(skip) ? skip : childMessage);
    }
    if (d.overallPhase() != null && d.overallPhase().isTerminal()) {
      boolean timedOut =
          d.overallPhase() == Phase.TimedOut
              && d.failure() != null
              && rrPhase.equals(d.failure().timeoutPhase());
      return condition(type, FALSE, timedOut ? "TimedOut" : "Interrupted", message(d));
    }
    return condition(
        type,
        UNKNOWN,
        "InProgress",
        childPhase == null ? "waiting for the child to report" : "child phase " + childPhase);
  }

  static Condition approved(DesiredStatus d) {
    Phase phase = d.overallPhase() == null ? Phase.Pending : d.overallPhase();
    if (phase == Phase.AwaitingApproval) {
      return condition(APPROVED, UNKNOWN, "AwaitingDecision", "waiting for an approval decision");
    }
    if (d.failure() != null && "Approval".equals(d.failure().failurePhase())) {
      String reason =
          notBlank(d.failure().failureReason()) ? d.failure().failureReason() : "Rejected";
      return condition(APPROVED, FALSE, camel(reason), message(d));
    }
    if (phase == Phase.TimedOut
        && d.failure() != null
        && "AwaitingApproval".equals(d.failure().timeoutPhase())) {
      return condition(APPROVED, FALSE, "Expired", message(d));
    }
    boolean executed =
        phase == Phase.Executing
            || (d.summaries() != null && d.summaries().workflowExecution() != null)
            || (d.children() != null && !d.children().workflowExecutions().isEmpty());
    if (executed) {
      return condition(APPROVED, TRUE, "Approved", "the remediation was approved");
    }
    if (phase.isTerminal()) {
      return condition(APPROVED, FALSE, "Interrupted", message(d));
    }
    return condition(APPROVED, UNKNOWN, "AwaitingDecision", "waiting for an approval decision");
  }

  /** A condition reason must be CamelCase letters: {@code max_attempts} becomes MaxAttempts. */
  static String camel(String reason) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : reason.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
      b.insert(0, "Reason");
    }
    return b.toString();
  }

  private static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(camel(reason))
        .withMessage(message == null ? "" : message)
        .build();
  }

  private static String message(DesiredStatus d) {
    return d.message() != null ? d.message() : d.reason();
  }

  private static Condition find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
