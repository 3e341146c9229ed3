package ai.kubernaut.orchestrator.sandbox.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The five simulated controllers against the strict API stand-in; the test plays the orchestrator
 * and creates the children itself.
 */
class SimulatedControllersIT {

  private static final Duration FAST = Duration.ofMillis(20);

  static KubernetesApiStandIn api;
  static KubernetesClient client;
  static SimulatedControllers controllers;
  static final List<NotificationSink.Delivery> deliveries = new CopyOnWriteArrayList<>();

  String ns;

  @BeforeAll
  static void start() {
    api = KubernetesApiStandIn.start();
    client = api.newClient();
    controllers =
        new SimulatedControllers(
                client, ControllerConfig.defaults().withStepDelay(FAST), deliveries::add)
            .start();
  }

  @AfterAll
  static void stop() {
    controllers.close();
    client.close();
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = api.createNamespace("t-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void clearFaults() {
    api.faults().clear();
  }

  private RemediationRequest createRr(String name, Map<String, String> annotations) {
    RemediationRequest rr = TestChildren.rr(ns, name, annotations);
    return client.resource(rr).create();
  }

  private <T extends HasMetadata> T createChild(T child, RemediationRequest owner) {
    child
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion(KubernautCrds.API_VERSION)
                    .withKind("RemediationRequest")
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build()));
    return client.resource(child).create();
  }

  private <T extends HasMetadata> T read(Class<T> type, String name) {
    return client.resources(type).inNamespace(ns).withName(name).get();
  }

  private static String statusPath(String plural, String namespace, String name) {
    return "/apis/kubernaut.ai/v1alpha1/namespaces/"
        + namespace
        + "/"
        + plural
        + "/"
        + name
        + "/status";
  }

  @Test
  void drivesASignalProcessingToCompletedWithAClassification() {
    RemediationRequest rr = createRr("oom", Map.of());

    createChild(TestChildren.sp(ns, "oom"), rr);

    await()
        .untilAsserted(
            () -> {
              SignalProcessing sp = read(SignalProcessing.class, "sp-oom");
              assertThat(SignalProcessingController.phase(sp))
                  .isEqualTo(SignalProcessingPhase.COMPLETED);
              assertThat(sp.getStatus().getEnvironment()).isEqualTo("staging");
              assertThat(sp.getStatus().getPriority()).isEqualTo("P1");
              assertThat(sp.getStatus().getEnrichment().getSummary()).isNotBlank();
            });
  }

  @Test
  void failsASignalProcessingWhenTheRrSaysSo() {
    RemediationRequest rr = createRr("oom", Map.of(Script.SIGNAL_PROCESSING, "fail"));

    createChild(TestChildren.sp(ns, "oom"), rr);

    await()
        .untilAsserted(
            () ->
                assertThat(SignalProcessingController.phase(read(SignalProcessing.class, "sp-oom")))
                    .isEqualTo(SignalProcessingPhase.FAILED));
  }

  @Test
  void completesAnAnalysisThatAsksForApproval() {
    RemediationRequest rr = createRr("oom", Map.of(Script.SCENARIO, "approval"));

    createChild(TestChildren.ai(ns, "ai-oom", "oom"), rr);

    await()
        .untilAsserted(
            () -> {
              AIAnalysis ai = read(AIAnalysis.class, "ai-oom");
              assertThat(AIAnalysisController.phase(ai)).isEqualTo(AIAnalysisPhase.COMPLETED);
              assertThat(ai.getStatus().getApprovalRequired()).isTrue();
              assertThat(ai.getStatus().getSelectedWorkflow().getWorkflowId())
                  .isEqualTo("increase-memory-limit");
            });
  }

  @Test
  void approvesAnApprovalRequestAsTheSandboxApprover() {
    RemediationRequest rr = createRr("oom", Map.of());

    createChild(TestChildren.rar(ns, "oom"), rr);

    await()
        .untilAsserted(
            () -> {
              RemediationApprovalRequest rar = read(RemediationApprovalRequest.class, "rar-oom");
              assertThat(ApprovalRequestController.decision(rar))
                  .isEqualTo(ApprovalDecision.APPROVED);
              assertThat(rar.getStatus().getDecidedBy()).isEqualTo("sandbox-approver");
              assertThat(rar.getStatus().getDecidedVia()).isEqualTo("kubectl");
              assertThat(rar.getStatus().getDecidedAt()).isNotBlank();
            });
  }

  @Test
  void rejectsAnApprovalRequestWhenTheRrSaysSo() {
    RemediationRequest rr = createRr("oom", Map.of(Script.APPROVAL, "reject"));

    createChild(TestChildren.rar(ns, "oom"), rr);

    await()
        .untilAsserted(
            () ->
                assertThat(
                        ApprovalRequestController.decision(
                            read(RemediationApprovalRequest.class, "rar-oom")))
                    .isEqualTo(ApprovalDecision.REJECTED));
  }

  @Test
  void neverDecidesWhenTheRrSaysNone() {
    RemediationRequest rr = createRr("oom", Map.of(Script.SCENARIO, "approval-expires"));

    createChild(TestChildren.rar(ns, "oom"), rr);

    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> read(RemediationApprovalRequest.class, "rar-oom").getStatus() == null);
  }

  @Test
  void runsAWorkflowExecutionStepByStepToCompleted() {
    RemediationRequest rr = createRr("oom", Map.of(Script.EXECUTION_STEPS, "4"));
    List<String> seen = new CopyOnWriteArrayList<>();

    try (Watch watch = watchStates("we-oom", seen)) {
      createChild(TestChildren.we(ns, "we-oom", "oom"), rr);

      await()
          .untilAsserted(
              () -> assertThat(seen).endsWith(WorkflowExecutionPhase.COMPLETED.value() + " 4/4"));
    }
    assertThat(seen)
        .containsSubsequence(
            "Running 0/4", "Running 1/4", "Running 2/4", "Running 3/4", "Completed 4/4");
  }

  @Test
  void failsTheFirstAttemptAndCompletesTheRecoveryAttempt() {
    RemediationRequest rr = createRr("oom", Map.of(Script.SCENARIO, "recovery"));

    createChild(TestChildren.we(ns, "we-oom", "oom"), rr);
    createChild(TestChildren.we(ns, "we-oom-recovery-1", "oom"), rr);

    await()
        .untilAsserted(
            () -> {
              WorkflowExecutionStatus first = read(WorkflowExecution.class, "we-oom").getStatus();
              assertThat(first).isNotNull();
              assertThat(first.getPhase()).isEqualTo(WorkflowExecutionPhase.FAILED);
              assertThat(first.getFailedStep()).isEqualTo(2);
              assertThat(first.getFailedAction()).isEqualTo("increase-memory-limit");
              assertThat(first.getErrorType()).isEqualTo("TaskFailed");
              assertThat(first.getFailureReason()).contains("attempt 1");
              assertThat(
                      WorkflowExecutionController.phase(
                          read(WorkflowExecution.class, "we-oom-recovery-1")))
                  .isEqualTo(WorkflowExecutionPhase.COMPLETED);
            });
  }

  @Test
  void skipsAWorkflowExecutionWhenTheRrSaysResourceBusy() {
    RemediationRequest rr = createRr("oom", Map.of(Script.EXECUTION, "skip-resource-busy"));

    createChild(TestChildren.we(ns, "we-oom", "oom"), rr);

    await()
        .untilAsserted(
            () -> {
              WorkflowExecutionStatus status = read(WorkflowExecution.class, "we-oom").getStatus();
              assertThat(status).isNotNull();
              assertThat(status.getPhase()).isEqualTo(WorkflowExecutionPhase.SKIPPED);
              assertThat(status.getSkipReason()).isEqualTo("ResourceBusy");
            });
  }

  @Test
  void marksANotificationSentAndDeliversItToTheSink() {
    createRr("oom", Map.of());

    // not owned by the RR: found through its label and spec reference
    client.resource(TestChildren.nr(ns, "oom")).create();

    await()
        .untilAsserted(
            () -> {
              NotificationRequest nr = read(NotificationRequest.class, "nr-completion-oom");
              assertThat(NotificationController.phase(nr)).isEqualTo(NotificationPhase.SENT);
              assertThat(deliveries)
                  .filteredOn(d -> d.namespace().equals(ns))
                  .singleElement()
                  .extracting(NotificationSink.Delivery::summary)
                  .asString()
                  .startsWith("[notify] Completion/Low rr " + ns + "/oom");
            });
  }

  @Test
  void leavesAChildTheOrchestratorFailedAlone() {
    RemediationRequest rr = createRr("oom", Map.of(Script.DELAY, "1s"));
    createChild(TestChildren.we(ns, "we-oom", "oom"), rr);

    WorkflowExecution we = read(WorkflowExecution.class, "we-oom");
    we.setStatus(new WorkflowExecutionStatus());
    we.getStatus().setPhase(WorkflowExecutionPhase.FAILED);
    we.getStatus().setFailureReason("ParentTimedOut");
    String version = client.resource(we).updateStatus().getMetadata().getResourceVersion();

    await()
        .during(Duration.ofMillis(1_500))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                version.equals(
                    read(WorkflowExecution.class, "we-oom").getMetadata().getResourceVersion()));
  }

  @Test
  void retriesAfterAConflictingStatusWrite() {
    RemediationRequest rr = createRr("oom", Map.of());
    FaultRule conflict =
        api.faults()
            .add(
                FaultRule.on("PUT", statusPath("signalprocessings", ns, "sp-oom"))
                    .respond(409)
                    .times(1));

    createChild(TestChildren.sp(ns, "oom"), rr);

    await()
        .untilAsserted(
            () ->
                assertThat(SignalProcessingController.phase(read(SignalProcessing.class, "sp-oom")))
                    .isEqualTo(SignalProcessingPhase.COMPLETED));
    assertThat(conflict.hits()).isEqualTo(1);
  }

  @Test
  void dropsTheStepWhenTheStatusWriteFindsTheChildGone() {
    RemediationRequest rr = createRr("oom", Map.of());
    FaultRule gone =
        api.faults()
            .add(
                FaultRule.on("PUT", statusPath("signalprocessings", ns, "sp-oom"))
                    .respond(404)
                    .times(1));

    createChild(TestChildren.sp(ns, "oom"), rr);

    await().until(() -> gone.hits() == 1);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> read(SignalProcessing.class, "sp-oom").getStatus() == null);
  }

  @Test
  void keepsWorkingAfterAChildIsDeletedMidway() {
    RemediationRequest rr = createRr("oom", Map.of(Script.DELAY, "200ms"));
    createChild(TestChildren.sp(ns, "oom"), rr);
    client.resources(SignalProcessing.class).inNamespace(ns).withName("sp-oom").delete();

    RemediationRequest other = createRr("disk", Map.of());
    createChild(TestChildren.sp(ns, "disk"), other);

    await()
        .untilAsserted(
            () ->
                assertThat(
                        SignalProcessingController.phase(read(SignalProcessing.class, "sp-disk")))
                    .isEqualTo(SignalProcessingPhase.COMPLETED));
    assertThat(read(SignalProcessing.class, "sp-oom")).isNull();
  }

  private Watch watchStates(String name, List<String> seen) {
    return client
        .resources(WorkflowExecution.class)
        .inNamespace(ns)
        .withName(name)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, WorkflowExecution we) {
                WorkflowExecutionStatus status = we.getStatus();
                if (status != null && status.getPhase() != null) {
                  seen.add(
                      status.getPhase().value()
                          + " "
                          + status.getStepsCompleted()
                          + "/"
                          + status.getTotalSteps());
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }
}
