package ai.kubernaut.orchestrator.activities.kube;

import static ai.kubernaut.orchestrator.activities.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetType;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.kube.AIAnalysisFactory;
import ai.kubernaut.orchestrator.kube.ApprovalRequestFactory;
import ai.kubernaut.orchestrator.kube.ChildMetadata;
import ai.kubernaut.orchestrator.kube.SignalProcessingFactory;
import ai.kubernaut.orchestrator.kube.WorkflowExecutionFactory;
import ai.kubernaut.orchestrator.workflows.model.RecoveryContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildFactoriesTest {

  private static final Instant DEADLINE = Instant.parse("2025-01-31T10:20:00.123Z");

  private final RemediationRequest rr = rr("disk-full").build();

  @Test
  void signalProcessingIsControlledByTheRrAndLabelled() {
    SignalProcessing sp = SignalProcessingFactory.desired(rr, "sp-disk-full", DEADLINE);

    assertControlledAndLabelled(sp, "sp-disk-full");
    assertThat(sp.getSpec().getTimesOutAt()).isEqualTo("2025-01-31T10:20:00Z");
    assertThat(sp.getSpec().getRemediationRequestRef().getUid())
        .isEqualTo(rr.getMetadata().getUid());
    assertThat(sp.getSpec().getRemediationRequestRef().getKind()).isEqualTo("RemediationRequest");
  }

  @Test
  void signalProcessingCarriesEverySignalField() {
    SignalProcessing sp = SignalProcessingFactory.desired(rr, "sp-disk-full", DEADLINE);

    var signal = sp.getSpec().getSignal();
    assertThat(signal.getFingerprint()).isEqualTo(rr.getSpec().getSignalFingerprint());
    assertThat(signal.getName()).isEqualTo("HighMemoryUsage");
    assertThat(signal.getSeverity()).isEqualTo("critical");
    assertThat(signal.getType()).isEqualTo("prometheus");
    assertThat(signal.getSource()).isEqualTo("alertmanager");
    assertThat(signal.getTargetType()).isEqualTo(TargetType.KUBERNETES);
    assertThat(signal.getTargetResource().getName()).isEqualTo("web");
    assertThat(signal.getTargetResource().getNamespace()).isEqualTo("shop");
    assertThat(signal.getClusterID()).isEqualTo("eu-1");
    assertThat(signal.getLabels()).containsEntry("alertname", "HighMemoryUsage");
    assertThat(signal.getAnnotations()).containsEntry("summary", "memory above 90%");
    assertThat(signal.getFiringTime()).isEqualTo("2025-01-31T10:15:00Z");
    assertThat(signal.getReceivedTime()).isEqualTo("2025-01-31T10:15:02Z");
    assertThat(signal.getProviderData()).isEqualTo("{\"value\":\"0.93\"}");
  }

  @Test
  void signalProcessingDoesNotShareMutableStateWithTheRr() {
    SignalProcessing sp = SignalProcessingFactory.desired(rr, "sp-disk-full", DEADLINE);

    sp.getSpec().getSignal().getLabels().put("changed", "yes");
    sp.getSpec().getSignal().getTargetResource().setName("other");

    assertThat(rr.getSpec().getSignalLabels()).doesNotContainKey("changed");
    assertThat(rr.getSpec().getTargetResource().getName()).isEqualTo("web");
  }

  @Test
  void aiAnalysisPassesTheSignalProcessingEnrichmentThrough() {
    SignalProcessing sp = spCompleted("sp-disk-full", "production", "P1");

    AIAnalysis ai = AIAnalysisFactory.desired(rr, "ai-disk-full", sp, null, DEADLINE);

    assertControlledAndLabelled(ai, "ai-disk-full");
    var context = ai.getSpec().getSignalContext();
    assertThat(context.getFingerprint()).isEqualTo(rr.getSpec().getSignalFingerprint());
    assertThat(context.getSignalName()).isEqualTo("HighMemoryUsage");
    assertThat(context.getSeverity()).isEqualTo("critical");
    assertThat(context.getEnvironment()).isEqualTo("production");
    assertThat(context.getPriority()).isEqualTo("P1");
    assertThat(context.getTargetResource().getKind()).isEqualTo("Deployment");
    assertThat(context.getEnrichment().getSummary()).contains("3 replicas");
    assertThat(context.getEnrichment().getOwnerChain()).contains("Deployment/web");
    assertThat(ai.getSpec().getAnalysisTypes()).isNotEmpty();
    assertThat(ai.getSpec().getIsRecoveryAttempt()).isNull();
    assertThat(ai.getSpec().getTimesOutAt()).isEqualTo("2025-01-31T10:20:00Z");
  }

  @Test
  void aiAnalysisPrefersTheEnvironmentAndPrioritySetOnTheRr() {
    RemediationRequest classified =
        rr("disk-full").withEnvironment("staging").withPriority("P3").build();

    AIAnalysis ai =
        AIAnalysisFactory.desired(
            classified, "ai-disk-full", spCompleted("sp", "production", "P1"), null, DEADLINE);

    assertThat(ai.getSpec().getSignalContext().getEnvironment()).isEqualTo("staging");
    assertThat(ai.getSpec().getSignalContext().getPriority()).isEqualTo("P3");
  }

  @Test
  void recoveryAnalysisCarriesTheFailureContext() {
    RecoveryContext recovery =
        new RecoveryContext(
            2,
            "we-disk-full",
            3,
            "scale-deployment",
            "Timeout",
            "step 3 timed out",
            List.of("ai-disk-full", "ai-disk-full-recovery-1"));

    AIAnalysis ai =
        AIAnalysisFactory.desired(
            rr, "ai-disk-full-recovery-2", spCompleted("sp", "prod", "P1"), recovery, DEADLINE);

    var spec = ai.getSpec();
    assertThat(spec.getIsRecoveryAttempt()).isTrue();
    assertThat(spec.getRecoveryAttemptNumber()).isEqualTo(2);
    assertThat(spec.getFailedWorkflowRef().getName()).isEqualTo("we-disk-full");
    assertThat(spec.getFailedWorkflowRef().getKind()).isEqualTo("WorkflowExecution");
    assertThat(spec.getFailedStep()).isEqualTo(3);
    assertThat(spec.getFailureReason())
        .isEqualTo("step 3 timed out (action scale-deployment, error Timeout)");
    assertThat(spec.getPreviousAIAnalysisRefs())
        .extracting(ref -> ref.getName())
        .containsExactly("ai-disk-full", "ai-disk-full-recovery-1");
  }

  @Test
  void approvalRequestCarriesTheRecommendation() {
    AIAnalysis ai = aiCompleted("ai-disk-full", "restart-pods", true);

    RemediationApprovalRequest rar =
        ApprovalRequestFactory.desired(rr, "rar-disk-full", ai, DEADLINE);

    assertControlledAndLabelled(rar, "rar-disk-full");
    var spec = rar.getSpec();
    assertThat(spec.getAiAnalysisRef().getName()).isEqualTo("ai-disk-full");
    assertThat(spec.getAiAnalysisRef().getUid()).isEqualTo(ai.getMetadata().getUid());
    assertThat(spec.getConfidence()).isEqualTo(0.72);
    assertThat(spec.getReason()).isEqualTo("confidence below 0.8");
    assertThat(spec.getRecommendedWorkflow().getWorkflowId()).isEqualTo("restart-pods");
    assertThat(spec.getRecommendedWorkflow().getParameters()).containsEntry("replicas", "3");
    assertThat(spec.getInvestigationSummary()).isEqualTo("heap grows 50 MiB/h since release 4.2");
    assertThat(spec.getRequiredBy()).isEqualTo("2025-01-31T10:20:00Z");
  }

  @Test
  void approvalRequestFallsBackToTheRootCause() {
    AIAnalysis ai = aiCompleted("ai-disk-full", "restart-pods", false);

    RemediationApprovalRequest rar =
        ApprovalRequestFactory.desired(rr, "rar-disk-full", ai, DEADLINE);

    assertThat(rar.getSpec().getInvestigationSummary()).isEqualTo("memory leak in the cache layer");
  }

  @Test
  void workflowExecutionRunsTheSelectedWorkflowOnTheTarget() {
    AIAnalysis ai = aiCompleted("ai-disk-full", "restart-pods", false);

    WorkflowExecution we = WorkflowExecutionFactory.desired(rr, "we-disk-full", ai, 2, DEADLINE);

    assertControlledAndLabelled(we, "we-disk-full");
    var spec = we.getSpec();
    assertThat(spec.getWorkflowRef().getWorkflowId()).isEqualTo("restart-pods");
    assertThat(spec.getWorkflowRef().getVersion()).isEqualTo("1.2.0");
    assertThat(spec.getWorkflowRef().getExecutionBundle())
        .isEqualTo("quay.io/kubernaut/restart:1.2.0");
    assertThat(spec.getParameters()).containsEntry("replicas", "3");
    assertThat(spec.getConfidence()).isEqualTo(0.72);
    assertThat(spec.getRationale()).isEqualTo("restarting clears the leaked memory");
    assertThat(spec.getTargetResource().getName()).isEqualTo("web");
    assertThat(spec.getTimesOutAt()).isEqualTo("2025-01-31T10:20:00Z");
    assertThat(we.getMetadata().getAnnotations())
        .containsEntry(ChildMetadata.ATTEMPT_ANNOTATION, "2");
  }

  @Test
  void workflowExecutionNeedsASelectedWorkflow() {
    AIAnalysis ai = aiCompleted("ai-disk-full", "restart-pods", false);
    ai.getStatus().setSelectedWorkflow(null);

    assertThatThrownBy(() -> WorkflowExecutionFactory.desired(rr, "we-x", ai, 1, DEADLINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ai-disk-full")
        .hasMessageContaining("selectedWorkflow");
  }

  @Test
  void longRrNamesGiveValidShortenedNamesAndLabels() {
    String longName = "a".repeat(250);
    RemediationRequest longRr = rr(longName).build();
    String spName = ChildNames.signalProcessing(longName);

    SignalProcessing sp = SignalProcessingFactory.desired(longRr, spName, DEADLINE);

    assertThat(sp.getMetadata().getName()).hasSizeLessThanOrEqualTo(253);
    assertThat(ChildNames.isValid(sp.getMetadata().getName())).isTrue();
    String label = sp.getMetadata().getLabels().get(Labels.REMEDIATION_REQUEST);
    assertThat(label).hasSizeLessThanOrEqualTo(63);
    assertThat(Labels.isValidValue(label)).isTrue();
    assertThat(label).isEqualTo(Labels.value(longName));
    assertThat(sp.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo(longName);
  }

  private void assertControlledAndLabelled(HasMetadata child, String name) {
    assertThat(child.getMetadata().getName()).isEqualTo(name);
    assertThat(child.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(child.getMetadata().getLabels())
        .containsEntry(Labels.REMEDIATION_REQUEST, "disk-full");
    assertThat(child.getMetadata().getOwnerReferences()).hasSize(1);
    OwnerReference owner = child.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getApiVersion()).isEqualTo("kubernaut.ai/v1alpha1");
    assertThat(owner.getKind()).isEqualTo("RemediationRequest");
    assertThat(owner.getName()).isEqualTo("disk-full");
    assertThat(owner.getUid()).isEqualTo(rr.getMetadata().getUid());
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
  }
}
