package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.NotificationDeliverySummary;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.micrometer.core.instrument.Counter;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NotificationRequest delivery end to end (BR-ORCH-029/030): the sandbox's notification controller
 * fails or delivers NRs; the RR shows it, Events and the metric report a failure, and a failed
 * Escalation is sent once more.
 */
class NotificationDeliveryIT {

  @RegisterExtension static final ReliabilityStack stack = ReliabilityStack.perClass();

  private static final String FAILURES = "kubernaut_remediationorchestrator_notification_failures";

  @Test
  void aFailedEscalationIsSentOnceMoreAndEndsInAnEventAMetricAndACondition() {
    String ns = stack.namespace("nr-fail");
    stack.create(
        ReliabilityStack.rr(
            ns,
            "page",
            Map.of(Script.SIGNAL_PROCESSING, "fail", Script.NOTIFICATION, "fail"),
            Map.of()));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(condition(stack.get(ns, "page")).getStatus()).isEqualTo("False"));
    RemediationRequest rr = stack.get(ns, "page");

    Condition delivered = condition(rr);
    assertThat(delivered.getReason()).isEqualTo("DeliveryFailed");
    assertThat(delivered.getMessage())
        .startsWith(
            "Escalation notification nr-escalation-page-retry-1 (re-sent for nr-escalation-page)"
                + " was not delivered: delivery failed");
    assertThat(rr.getStatus().getNotificationStatuses())
        .extracting(
            NotificationDeliverySummary::getName,
            NotificationDeliverySummary::getPhase,
            NotificationDeliverySummary::getRetryOf)
        .containsExactly(
            tuple("nr-escalation-page", NotificationPhase.FAILED, null),
            tuple("nr-escalation-page-retry-1", NotificationPhase.FAILED, "nr-escalation-page"));
    assertThat(rr.getStatus().getNotificationRequestRefs())
        .extracting(r -> r.getName())
        .containsExactly("nr-escalation-page", "nr-escalation-page-retry-1");
    assertThat(
            stack
                .client
                .resources(NotificationRequest.class)
                .inNamespace(ns)
                .list()
                .getItems()
                .stream()
                .map(nr -> nr.getMetadata().getName())
                .sorted()
                .toList())
        .as("exactly one re-send")
        .containsExactly("nr-escalation-page", "nr-escalation-page-retry-1");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(events(ns, "page", "NotificationDeliveryFailed"))
                    .extracting(Event::getType)
                    .containsExactly("Warning", "Warning"));
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(() -> assertThat(failures(ns)).isEqualTo(2.0));
    await()
        .atMost(Duration.ofSeconds(30))
        .alias("the run closes once both NRs have reported, not after the watch's 10 minutes")
        .until(
            () -> workflowStatus(rr) != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void aDeliveredCompletionIsShownOnTheRemediation() {
    String ns = stack.namespace("nr-sent");
    stack.create(ReliabilityStack.rr(ns, "fine", "success"));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(condition(stack.get(ns, "fine")).getStatus()).isEqualTo("True"));
    RemediationRequest rr = stack.get(ns, "fine");

    assertThat(condition(rr).getReason()).isEqualTo("Delivered");
    assertThat(rr.getStatus().getNotificationStatuses())
        .extracting(NotificationDeliverySummary::getName, NotificationDeliverySummary::getPhase)
        .containsExactly(tuple("nr-completion-fine", NotificationPhase.SENT));
    assertThat(events(ns, "fine", "NotificationDeliveryFailed")).isEmpty();
    assertThat(failures(ns)).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> workflowStatus(rr) != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  private static Condition condition(RemediationRequest rr) {
    if (rr == null || rr.getStatus() == null || rr.getStatus().getConditions() == null) {
      return new Condition();
    }
    return rr.getStatus().getConditions().stream()
        .filter(c -> "NotificationDelivered".equals(c.getType()))
        .findFirst()
        .orElse(new Condition());
  }

  private static List<Event> events(String ns, String rr, String reason) {
    return stack.client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> rr.equals(e.getInvolvedObject().getName()))
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  /** The failures counted for RRs of {@code ns}, over every type. */
  private static double failures(String ns) {
    return stack.stack.app().meterRegistry().find(FAILURES).tag("namespace", ns).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static WorkflowExecutionStatus workflowStatus(RemediationRequest rr) {
    return stack
        .stack
        .app()
        .context()
        .workflowClient()
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(stack.stack.temporalNamespace())
                .setExecution(
                    io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                        .setWorkflowId(rr.getStatus().getTemporal().getWorkflowId()))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }
}
