package ai.kubernaut.orchestrator.activities.kube;

import static ai.kubernaut.orchestrator.activities.TestStatuses.completed;
import static ai.kubernaut.orchestrator.activities.TestStatuses.failed;
import static ai.kubernaut.orchestrator.activities.TestStatuses.pending;
import static ai.kubernaut.orchestrator.activities.TestStatuses.processing;
import static ai.kubernaut.orchestrator.activities.TestStatuses.status;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusConditionsTest {

  private static final Instant NOW = Instant.parse("2025-01-31T11:00:00Z");

  @ParameterizedTest
  @EnumSource(
      value = Outcome.class,
      names = {"Remediated", "NoActionRequired"})
  void readyOnlyWhenCompletedWithAGoodOutcome(Outcome outcome) {
    Condition ready = find(StatusConditions.derive(completed(outcome), 2L, null, NOW), "Ready");

    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo(outcome.name());
    assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    assertThat(ready.getLastTransitionTime()).isEqualTo("2025-01-31T11:00:00Z");
  }

  @Test
  void notReadyWhenCompletedAsManualReview() {
    Condition ready =
        find(
            StatusConditions.derive(completed(Outcome.ManualReviewRequired), 1L, null, NOW),
            "Ready");

    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ManualReviewRequired");
  }

  @Test
  void readyIsUnknownWhileRunningWithThePhaseAsReason() {
    List<Condition> conditions = StatusConditions.derive(processing(), 1L, null, NOW);

    assertThat(find(conditions, "Ready").getStatus()).isEqualTo("Unknown");
    assertThat(find(conditions, "Ready").getReason()).isEqualTo("Processing");
    assertThat(find(conditions, "SpecValid").getStatus()).isEqualTo("True");
    assertThat(find(conditions, "SignalProcessed").getStatus()).isEqualTo("Unknown");
    assertThat(find(conditions, "SignalProcessed").getReason()).isEqualTo("InProgress");
    assertThat(find(conditions, "Analyzed")).isNull();
  }

  @Test
  void invalidSpecShowsInSpecValid() {
    List<Condition> conditions =
        StatusConditions.derive(failed("Configuration", "InvalidSpec"), 1L, null, NOW);

    Condition valid = find(conditions, "SpecValid");
    assertThat(valid.getStatus()).isEqualTo("False");
    assertThat(valid.getReason()).isEqualTo("InvalidSpec");
    assertThat(valid.getMessage()).contains("spec.severity");
    assertThat(find(conditions, "Ready").getReason()).isEqualTo("Failed");
  }

  @Test
  void pendingIsValidating() {
    assertThat(find(StatusConditions.derive(pending(), 1L, null, NOW), "SpecValid").getReason())
        .isEqualTo("Validating");
  }

  @Test
  void everyStageIsTrueWhenRemediated() {
    List<Condition> conditions =
        StatusConditions.derive(completed(Outcome.Remediated), 1L, null, NOW);

    assertThat(conditions)
        .filteredOn(c -> List.of("SignalProcessed", "Analyzed", "Executed").contains(c.getType()))
        .extracting(Condition::getStatus)
        .containsExactly("True", "True", "True");
  }

  @Test
  void aStageInterruptedByATimeoutSaysTimedOut() {
    DesiredStatus timedOut =
        status(
            Phase.TimedOut,
            Outcome.TimedOut,
            processing().children(),
            processing().summaries(),
            new DesiredStatus.Failure(null, null, "Processing", NOW),
            "processing timed out after 5m");

    Condition sp = find(StatusConditions.derive(timedOut, 1L, null, NOW), "SignalProcessed");

    assertThat(sp.getStatus()).isEqualTo("False");
    assertThat(sp.getReason()).isEqualTo("TimedOut");
  }

  @Test
  void approvalConditionFollowsTheDecision() {
    DesiredStatus.Children withRar =
        new DesiredStatus.Children(
            null,
            null,
            null,
            new ChildRef(ChildKind.RemediationApprovalRequest, "rar-x", "u", false),
            null);
    DesiredStatus awaiting = status(Phase.AwaitingApproval, null, withRar, null, null, null);
    DesiredStatus rejected =
        status(
            Phase.Failed,
            Outcome.Failed,
            withRar,
            null,
            new DesiredStatus.Failure("Approval", "rejected_by_operator", null, null),
            "rejected by bob");
    DesiredStatus executing = status(Phase.Executing, null, withRar, null, null, null);

    assertThat(find(StatusConditions.derive(awaiting, 1L, null, NOW), "Approved").getReason())
        .isEqualTo("AwaitingDecision");
    Condition no = find(StatusConditions.derive(rejected, 1L, null, NOW), "Approved");
    assertThat(no.getStatus()).isEqualTo("False");
    assertThat(no.getReason()).isEqualTo("RejectedByOperator");
    assertThat(find(StatusConditions.derive(executing, 1L, null, NOW), "Approved").getStatus())
        .isEqualTo("True");
  }

  @Test
  void keepsTheTransitionTimeWhileTheStatusHoldsAndKeepsForeignConditions() {
    Condition earlierReady =
        new ConditionBuilder()
            .withType("Ready")
            .withStatus("Unknown")
            .withReason("Pending")
            .withLastTransitionTime("2025-01-31T10:00:00Z")
            .build();
    Condition foreign =
        new ConditionBuilder().withType("GatewayAccepted").withStatus("True").build();

    List<Condition> conditions =
        StatusConditions.derive(processing(), 1L, List.of(earlierReady, foreign), NOW);

    assertThat(find(conditions, "Ready").getLastTransitionTime()).isEqualTo("2025-01-31T10:00:00Z");
    assertThat(find(conditions, "Ready").getReason()).isEqualTo("Processing");
    assertThat(find(conditions, "GatewayAccepted")).isSameAs(foreign);
  }

  @Test
  void reasonsAreCamelCase() {
    assertThat(StatusConditions.camel("max_recovery_attempts_exceeded"))
        .isEqualTo("MaxRecoveryAttemptsExceeded");
    assertThat(StatusConditions.camel("WorkflowNotNeeded")).isEqualTo("WorkflowNotNeeded");
    assertThat(StatusConditions.camel("42")).isEqualTo("Reason42");
  }

  private static Condition find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  @Test
  void notificationDeliveredIsFalseWhenAnEscalationAndItsResendFailed() {
    NotificationRef first =
        new NotificationRef(NotificationType.Escalation, "nr-escalation-x", "u1")
            .withDelivery("Failed", "smtp 550");
    NotificationRef again =
        new NotificationRef(NotificationType.Escalation, "nr-escalation-x-retry-1", "u2")
            .asRetryOf("nr-escalation-x");

    Condition retrying = StatusConditions.notificationDelivered(List.of(first, again));
    Condition failed =
        StatusConditions.notificationDelivered(
            List.of(first, again.withDelivery("Failed", "smtp 550")));
    Condition delivered =
        StatusConditions.notificationDelivered(
            List.of(first, again.withDelivery("Sent", "delivered")));

    assertThat(retrying.getStatus()).isEqualTo("Unknown");
    assertThat(retrying.getReason()).isEqualTo("Retrying");
    assertThat(failed.getType()).isEqualTo("NotificationDelivered");
    assertThat(failed.getStatus()).isEqualTo("False");
    assertThat(failed.getReason()).isEqualTo("DeliveryFailed");
    assertThat(failed.getMessage())
        .isEqualTo(
            "Escalation notification nr-escalation-x-retry-1 (re-sent for nr-escalation-x)"
                + " was not delivered: smtp 550");
    assertThat(delivered.getStatus()).isEqualTo("True");
    assertThat(delivered.getReason()).isEqualTo("Delivered");
  }

  @Test
  void notificationDeliveredAppearsOnlyOnceANotificationReported() {
    NotificationRef approval = new NotificationRef(NotificationType.Approval, "nr-approval-x", "u");

    assertThat(StatusConditions.notificationDelivered(List.of(approval))).isNull();
    assertThat(
            StatusConditions.notificationDelivered(
                    List.of(approval.withDelivery("Failed", "no channel")))
                .getStatus())
        .isEqualTo("False");
  }
}
