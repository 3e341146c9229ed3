package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deletions and status changes at awkward moments: no stuck workflow, no stuck RR, no crash. */
class RacesIT {

  @RegisterExtension static final ReliabilityStack stack = ReliabilityStack.perClass();

  /** The RR is deleted while each phase is active: it goes away and its workflow closes. */
  @Test
  void anRrDeletedInEveryActivePhaseGoesAwayAndItsWorkflowCloses() {
    String ns = stack.namespace("delete");
    Map<RemediationPhase, Map<String, String>> scripts =
        Map.of(
            RemediationPhase.PROCESSING, Map.of(Script.SIGNAL_PROCESSING, "stuck"),
            RemediationPhase.ANALYZING, Map.of(Script.ANALYSIS, "stuck"),
            RemediationPhase.AWAITING_APPROVAL,
                Map.of(Script.ANALYSIS, "approval", Script.APPROVAL, "none"),
            RemediationPhase.EXECUTING, Map.of(Script.EXECUTION, "stuck"));
    Map<String, String> workflowIds = new HashMap<>();
    for (var e : scripts.entrySet()) {
      String name = "del-" + e.getKey().value().toLowerCase();
      stack.create(ReliabilityStack.rr(ns, name, e.getValue(), Map.of()));
    }
    for (var e : scripts.entrySet()) {
      String name = "del-" + e.getKey().value().toLowerCase();
      stack.awaitPhase(ns, name, e.getKey(), Duration.ofSeconds(60));
      workflowIds.put(name, stack.get(ns, name).getStatus().getTemporal().getWorkflowId());
      long start = System.nanoTime();

      stack.client.resources(RemediationRequest.class).inNamespace(ns).withName(name).delete();
      await().atMost(Duration.ofSeconds(30)).until(() -> stack.get(ns, name) == null);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  workflowStatus(workflowIds.get(name))
                      != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

      System.out.printf(
          "RR deleted in %s: gone and workflow %s after %.1f s%n",
          e.getKey(), workflowStatus(workflowIds.get(name)), (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * A user deletes the running WorkflowExecution: the remediation still ends (here by the short
   * executing timeout at the latest) instead of waiting forever.
   */
  @Test
  void aChildDeletedByAUserMidPhaseDoesNotStrandTheRemediation() {
    String ns = stack.namespace("kid");
    stack.create(
        ReliabilityStack.rr(
            ns, "lost-we", Map.of(Script.EXECUTION, "stuck"), Map.of("executing", "5s")));
    stack.awaitPhase(ns, "lost-we", RemediationPhase.EXECUTING, Duration.ofSeconds(60));
    long start = System.nanoTime();

    stack
        .client
        .genericKubernetesResources(ReliabilityStack.kind("WorkflowExecution"))
        .inNamespace(ns)
        .withName(ChildNames.workflowExecution("lost-we"))
        .delete();
    RemediationRequest rr = stack.awaitTerminal(ns, "lost-we", Duration.ofSeconds(45));

    System.out.printf(
        "child deleted mid-phase: RR %s/%s (%s) after %.1f s%n",
        rr.getStatus().getOverallPhase(),
        rr.getStatus().getOutcome(),
        rr.getStatus().getMessage(),
        (System.nanoTime() - start) / 1e9);
    assertThat(rr.getStatus().getOverallPhase().isTerminal()).isTrue();
    stack.assertNeverRegressed(ns, "lost-we");
  }

  /**
   * The SignalProcessing status flips between non-terminal phases, then to Completed, then back:
   * the remediation moves on once, completes, and never regresses.
   */
  @Test
  void aChildStatusThatFlipsBackAndForthIsHandledOnce() {
    String ns = stack.namespace("flip");
    stack.create(
        ReliabilityStack.rr(ns, "flip", Map.of(Script.SIGNAL_PROCESSING, "stuck"), Map.of()));
    stack.awaitPhase(ns, "flip", RemediationPhase.PROCESSING, Duration.ofSeconds(60));
    String sp = ChildNames.signalProcessing("flip");

    for (String phase :
        List.of(
            "Enriching",
            "Pending",
            "Classifying",
            "Enriching",
            "Completed",
            "Pending",
            "Completed")) {
      writeSpPhase(ns, sp, phase);
    }
    RemediationRequest rr = stack.awaitTerminal(ns, "flip", Duration.ofSeconds(60));

    System.out.printf(
        "flipping child status: RR %s/%s, %d AIAnalysis, %d status updates watched%n",
        rr.getStatus().getOverallPhase(),
        rr.getStatus().getOutcome(),
        stack.children(ns, "flip").stream().filter(c -> c.getKind().equals("AIAnalysis")).count(),
        stack.history(ns, "flip").size());
    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
    assertThat(stack.children(ns, "flip").stream().filter(c -> c.getKind().equals("AIAnalysis")))
        .hasSize(1);
    stack.assertNeverRegressed(ns, "flip");
  }

  /**
   * The child's status is already Completed before the orchestrator runs (its signal arrives before
   * the workflow exists): once the orchestrator starts, the remediation adopts it and ends.
   */
  @Test
  void signalsBeforeTheWorkflowStartedAreNotLost() throws Exception {
    String ns = stack.namespace("early");
    stack.stack.stopOrchestrator();
    RemediationRequest created;
    try {
      created =
          stack.create(
              ReliabilityStack.rr(
                  ns, "early", Map.of(Script.SCENARIO, "success"), Map.of("processing", "8s")));
      GenericKubernetesResource sp = new GenericKubernetesResource();
      sp.setApiVersion("kubernaut.ai/v1alpha1");
      sp.setKind("SignalProcessing");
      sp.setMetadata(
          new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
              .withName(ChildNames.signalProcessing("early"))
              .withNamespace(ns)
              .withLabels(
                  Map.of(
                      ai.kubernaut.orchestrator.api.v1alpha1.Labels.REMEDIATION_REQUEST, "early"))
              .addNewOwnerReference()
              .withApiVersion("kubernaut.ai/v1alpha1")
              .withKind("RemediationRequest")
              .withName("early")
              .withUid(created.getMetadata().getUid())
              .withController(true)
              .withBlockOwnerDeletion(true)
              .endOwnerReference()
              .build());
      sp.setAdditionalProperty("spec", Map.of("remediationRequestRef", Map.of("name", "early")));
      stack
          .client
          .genericKubernetesResources(ReliabilityStack.kind("SignalProcessing"))
          .inNamespace(ns)
          .resource(sp)
          .create();
      writeSpPhase(ns, sp.getMetadata().getName(), "Completed");
    } finally {
      stack.stack.startOrchestrator();
    }
    long start = System.nanoTime();

    RemediationRequest rr = stack.awaitTerminal(ns, "early", Duration.ofSeconds(60));

    System.out.printf(
        "child completed before the workflow existed: RR %s/%s %.1f s after the orchestrator"
            + " started, %d SignalProcessing%n",
        rr.getStatus().getOverallPhase(),
        rr.getStatus().getOutcome(),
        (System.nanoTime() - start) / 1e9,
        stack.children(ns, "early").stream()
            .filter(c -> c.getKind().equals("SignalProcessing"))
            .count());
    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(
            stack.children(ns, "early").stream()
                .filter(c -> c.getKind().equals("SignalProcessing")))
        .hasSize(1);
  }

  private static void writeSpPhase(String ns, String name, String phase) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var resource =
                  stack
                      .client
                      .genericKubernetesResources(ReliabilityStack.kind("SignalProcessing"))
                      .inNamespace(ns)
                      .withName(name);
              GenericKubernetesResource current = resource.get();
              Map<String, Object> status = new HashMap<>(RegressionsIT.statusOf(current));
              status.put("phase", phase);
              if (phase.equals("Completed")) {
                status.put("environment", "production");
                status.put("priority", "P1");
              }
              current.setAdditionalProperty("status", status);
              stack
                  .client
                  .genericKubernetesResources(ReliabilityStack.kind("SignalProcessing"))
                  .inNamespace(ns)
                  .resource(current)
                  .updateStatus();
            });
  }

  private static WorkflowExecutionStatus workflowStatus(String workflowId) {
    WorkflowClient client = stack.stack.app().context().workflowClient();
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build())
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }
}
