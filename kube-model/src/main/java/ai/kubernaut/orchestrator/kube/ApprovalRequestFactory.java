package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import java.time.Instant;

/**
 * The desired RemediationApprovalRequest: the AIAnalysis's recommendation as a person needs it to
 * decide (confidence, why approval is needed, the workflow, the root cause) and the deadline.
 */
public final class ApprovalRequestFactory {

  private ApprovalRequestFactory() {}

  public static RemediationApprovalRequest desired(
      RemediationRequest rr, String name, AIAnalysis ai, Instant requiredBy) {
    AIAnalysisStatus analysis = ai.getStatus() == null ? new AIAnalysisStatus() : ai.getStatus();
    ApprovalContext context = analysis.getApprovalContext();

    RemediationApprovalRequestSpec spec = new RemediationApprovalRequestSpec();
    spec.setRemediationRequestRef(ChildMetadata.rrRef(rr));
    spec.setAiAnalysisRef(ChildMetadata.ref(ai));
    spec.setConfidence(
        analysis.getConfidence() != null
            ? analysis.getConfidence()
            : context == null ? null : context.getConfidenceLevel());
    spec.setReason(
        firstSet(analysis.getApprovalReason(), context == null ? null : context.getReason()));
    spec.setRecommendedWorkflow(Copies.workflow(analysis.getSelectedWorkflow()));
    spec.setInvestigationSummary(
        firstSet(
            context == null ? null : context.getInvestigationSummary(), analysis.getRootCause()));
    spec.setRequiredBy(ChildMetadata.rfc3339(requiredBy));

    RemediationApprovalRequest rar = new RemediationApprovalRequest();
    rar.setMetadata(ChildMetadata.ownedMeta(rr, name));
    rar.setSpec(spec);
    return rar;
  }

  private static String firstSet(String preferred, String fallback) {
    return preferred != null && !preferred.isBlank() ? preferred : fallback;
  }
}
