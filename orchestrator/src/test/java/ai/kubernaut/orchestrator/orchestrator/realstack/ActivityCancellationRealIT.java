package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.api.enums.v1.EventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cancel that arrives while a Kubernetes write is in flight, on the real Temporal server and the
 * real API server: a validating webhook holds the WorkflowExecution create of one remediation, the
 * test cancels the workflow meanwhile. The remediation must not end before that create returns, and
 * the child the create made must be marked terminal with the others, not left running for a
 * remediation that is over (docs/architecture.md, "Activity cancellation").
 */
@ExtendWith(RealKubernetesExtension.class)
class ActivityCancellationRealIT {

  private static final String NS = "cancellation";
  private static final String RR = "cancel-in-flight";

  /** Below the clients' 10 s request timeout: the held create returns, it does not time out. */
  private static final Duration HOLD_AT_MOST = Duration.ofSeconds(8);

  @Test
  void aCancelWaitsForTheWriteInFlightAndMarksTheChildItCreated(RealOrchestratorStack stack)
      throws Exception {
    KubernetesClient kube = stack.admin();
    try (HoldingAdmissionWebhook webhook =
        HoldingAdmissionWebhook.start(
            stack.kubernetes(), NS, "workflowexecutions", RR, HOLD_AT_MOST)) {
      // 2 s between the controllers' status writes: the WorkflowExecution is still running when
      // the cancellation marks the children
      RemediationRequest created =
          TestSupport.scriptedRemediation(NS, RR, Map.of(Script.DELAY, "2s"));
      TimeoutConfig timeouts = new TimeoutConfig();
      timeouts.setGlobal("10m");
      created.getSpec().setTimeoutConfig(timeouts);
      kube.resource(created).create();

      assertThat(webhook.awaitHeld(Duration.ofMinutes(3)))
          .as("the WorkflowExecution create reached the webhook")
          .isTrue();
      String workflowId = rr(kube).getStatus().getTemporal().getWorkflowId();
      stack.workflowClient().newUntypedWorkflowStub(workflowId).cancel();
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> cancelRecorded(stack, workflowId));
      // time for a compensation that does not wait for the create to write its terminal status
      Thread.sleep(3_000);
      RemediationPhase whileHeld = rr(kube).getStatus().getOverallPhase();
      webhook.release();

      assertThat(whileHeld)
          .as("the RR's phase while its WorkflowExecution create was still in flight")
          .isEqualTo(RemediationPhase.ANALYZING);
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> rr(kube).getStatus().getOverallPhase() == RemediationPhase.CANCELLED);
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              WorkflowExecution we =
                  kube.resources(WorkflowExecution.class)
                      .inNamespace(NS)
                      .withName("we-" + RR)
                      .get();
              assertThat(we).as("the WorkflowExecution the held create made").isNotNull();
              assertThat(we.getStatus()).isNotNull();
              assertThat(we.getStatus().getPhase())
                  .as("marked terminal by the cancellation, not run to the end: " + we.getStatus())
                  .isEqualTo(WorkflowExecutionPhase.FAILED);
            });
  }

  private static boolean cancelRecorded(RealOrchestratorStack stack, String workflowId) {
    return stack.workflowClient().fetchHistory(workflowId).getEvents().stream()
        .anyMatch(
            e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
  }

  private static RemediationRequest rr(KubernetesClient kube) {
    return kube.resources(RemediationRequest.class).inNamespace(NS).withName(RR).get();
  }
}
