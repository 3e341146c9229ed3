package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bugs from the upstream Go orchestrator's history, each pinned by a named test. */
class RegressionsIT {

  @RegisterExtension static final ReliabilityStack stack = ReliabilityStack.perClass();

  /**
   * Two RRs for the same fingerprint and target created at the same instant must not each wait for
   * the other: both end, and at most one is the duplicate of the other.
   */
  @Test
  void circularDuplicatesDoNotDeadlock() {
    String ns = stack.namespace("dup");
    RemediationRequest a = ReliabilityStack.rr(ns, "dup-a", "success");
    RemediationRequest b = ReliabilityStack.rr(ns, "dup-b", "success");
    b.getSpec().setSignalFingerprint(a.getSpec().getSignalFingerprint());
    b.getSpec().setTargetResource(a.getSpec().getTargetResource());
    long start = System.nanoTime();

    Thread other = new Thread(() -> stack.create(b));
    other.start();
    stack.create(a);
    List<RemediationRequest> done =
        stack.awaitTerminal(ns, List.of("dup-a", "dup-b"), Duration.ofSeconds(90));

    RemediationRequestStatus sa = done.get(0).getStatus();
    RemediationRequestStatus sb = done.get(1).getStatus();
    System.out.printf(
        "circular duplicates: both terminal in %.1f s: dup-a %s/%s duplicateOf=%s, dup-b %s/%s"
            + " duplicateOf=%s%n",
        (System.nanoTime() - start) / 1e9,
        sa.getOverallPhase(),
        sa.getOutcome(),
        sa.getDuplicateOf(),
        sb.getOverallPhase(),
        sb.getOutcome(),
        sb.getDuplicateOf());
    assertThat(sa.getDuplicateOf() != null && sb.getDuplicateOf() != null)
        .as("each RR is the duplicate of the other")
        .isFalse();
    assertThat(List.of(sa.getOverallPhase(), sb.getOverallPhase()))
        .doesNotContain(RemediationPhase.TIMED_OUT);
  }

  /** An operator cancel ends the RR as Cancelled and marks the running child Failed. */
  @Test
  void cancellationReachesTheRunningChild() {
    String ns = stack.namespace("cancel");
    stack.create(
        ReliabilityStack.rr(
            ns, "cancel-me", Map.of(Script.SCENARIO, "timeout"), Map.of("executing", "2m")));
    stack.awaitPhase(ns, "cancel-me", RemediationPhase.EXECUTING, Duration.ofSeconds(60));
    String workflowId = stack.get(ns, "cancel-me").getStatus().getTemporal().getWorkflowId();
    long start = System.nanoTime();

    requestCancel(workflowId);
    RemediationRequest rr = stack.awaitTerminal(ns, "cancel-me", Duration.ofSeconds(30));
    GenericKubernetesResource we =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> child(ns, "WorkflowExecution", ChildNames.workflowExecution("cancel-me")),
                w -> "Failed".equals(statusOf(w).get("phase")));

    System.out.printf(
        "cancellation: RR %s/%s and WE %s (%s) %.1f s after the cancel%n",
        rr.getStatus().getOverallPhase(),
        rr.getStatus().getOutcome(),
        statusOf(we).get("phase"),
        statusOf(we).get("failureReason"),
        (System.nanoTime() - start) / 1e9);
    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.CANCELLED);
    assertThat(statusOf(we).toString()).contains("ParentCancelled");
    assertThat(workflowStatus(workflowId))
        .isIn(
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  /**
   * The in-process Java test server can throw "call already closed" back to the canceller while it
   * wakes a history long-poll that has already ended; the cancel itself is recorded, which the test
   * then proves by the remediation ending Cancelled.
   */
  private void requestCancel(String workflowId) {
    try {
      stack.stack.app().context().workflowClient().newUntypedWorkflowStub(workflowId).cancel();
    } catch (IllegalStateException e) {
      if (!"call already closed".equals(e.getMessage())) {
        throw e;
      }
    }
  }

  /** A child that never leaves a non-terminal phase ends by the phase timeout, not never. */
  @Test
  void aChildStuckForeverEndsByTheTimeout() {
    String ns = stack.namespace("stuck");
    stack.create(
        ReliabilityStack.rr(
            ns, "stuck-sp", Map.of(Script.SIGNAL_PROCESSING, "stuck"), Map.of("processing", "3s")));
    long start = System.nanoTime();

    RemediationRequest rr = stack.awaitTerminal(ns, "stuck-sp", Duration.ofSeconds(45));

    GenericKubernetesResource sp =
        child(ns, "SignalProcessing", ChildNames.signalProcessing("stuck-sp"));
    System.out.printf(
        "stuck child: RR %s timeoutPhase=%s after %.1f s, SP %s, notifications %s%n",
        rr.getStatus().getOverallPhase(),
        rr.getStatus().getTimeoutPhase(),
        (System.nanoTime() - start) / 1e9,
        statusOf(sp),
        stack.notificationsByType(ns, "stuck-sp"));
    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.TIMED_OUT);
    assertThat(rr.getStatus().getTimeoutPhase()).isEqualTo(RemediationPhase.PROCESSING);
    assertThat(statusOf(sp).get("phase")).isEqualTo("Failed");
    assertThat(stack.notificationsByType(ns, "stuck-sp")).containsEntry("Escalation", 1L);
  }

  /**
   * The executing timeout and the WorkflowExecution's completion land in the same instant: each RR
   * ends either Remediated (and its WE ref says Completed, one Completion NR) or TimedOut in
   * Executing (one Escalation NR, no Completion NR); never both, never neither.
   */
  @Test
  void aTimeoutRacingTheChildsCompletionHasExactlyOneWinner() {
    String ns = stack.namespace("race");
    List<String> names = new ArrayList<>();
    String[] timeouts = {"1s", "1500ms", "2s", "2500ms", "3s", "3500ms", "4s", "6s"};
    for (int i = 0; i < timeouts.length; i++) {
      String name = "race-" + i;
      stack.create(
          ReliabilityStack.rr(
              ns,
              name,
              Map.of(
                  Script.SCENARIO, "success", Script.DELAY, "400ms", Script.EXECUTION_STEPS, "3"),
              Map.of("executing", timeouts[i])));
      names.add(name);
    }

    List<RemediationRequest> done = stack.awaitTerminal(ns, names, Duration.ofSeconds(90));

    int remediated = 0;
    int timedOut = 0;
    for (RemediationRequest rr : done) {
      String name = rr.getMetadata().getName();
      RemediationRequestStatus s = rr.getStatus();
      Map<String, Long> nrs = stack.notificationsByType(ns, name);
      System.out.printf(
          "  %s: %s/%s timeoutPhase=%s weOutcome=%s notifications=%s%n",
          name,
          s.getOverallPhase(),
          s.getOutcome(),
          s.getTimeoutPhase(),
          s.getWorkflowExecutionRefs() == null || s.getWorkflowExecutionRefs().isEmpty()
              ? null
              : s.getWorkflowExecutionRefs().get(0).getOutcome(),
          nrs);
      if (s.getOverallPhase() == RemediationPhase.COMPLETED) {
        remediated++;
        assertThat(s.getOutcome()).as(name).isEqualTo(RemediationOutcome.REMEDIATED);
        assertThat(s.getTimeoutPhase()).as(name).isNull();
        assertThat(nrs).as(name).containsEntry("Completion", 1L).doesNotContainKey("Escalation");
        assertThat(s.getWorkflowExecutionRefs().get(0).getOutcome())
            .as(name)
            .isEqualTo(WorkflowExecutionPhase.COMPLETED);
      } else {
        timedOut++;
        assertThat(s.getOverallPhase()).as(name).isEqualTo(RemediationPhase.TIMED_OUT);
        assertThat(s.getTimeoutPhase()).as(name).isEqualTo(RemediationPhase.EXECUTING);
        assertThat(nrs).as(name).containsEntry("Escalation", 1L).doesNotContainKey("Completion");
      }
      stack.assertNeverRegressed(ns, name);
    }
    System.out.printf("timeout race: %d remediated, %d timed out%n", remediated, timedOut);
  }

  private static GenericKubernetesResource child(String ns, String kind, String name) {
    return stack
        .client
        .genericKubernetesResources(ReliabilityStack.kind(kind))
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> statusOf(GenericKubernetesResource r) {
    Object status = r == null ? null : r.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static WorkflowExecutionStatus workflowStatus(String workflowId) {
    WorkflowClient client = stack.stack.app().context().workflowClient();
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(
                    io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                        .setWorkflowId(workflowId)
                        .build())
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }
}
