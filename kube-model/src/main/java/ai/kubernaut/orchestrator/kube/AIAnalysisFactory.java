package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.EnrichmentSummary;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.workflows.model.RecoveryContext;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The desired AIAnalysis: the signal context from the RR, enriched with what SignalProcessing found
 * (BR-ORCH-025), and the failure context when it is a recovery attempt.
 *
 * <p>Environment and priority: a value the Gateway set on the RR spec wins; otherwise the
 * SignalProcessing classification is used (SPEC §2.1 "if absent, taken from SignalProcessing").
 */
public final class AIAnalysisFactory {

  /** What the orchestrator asks every analysis to do. */
  public static final List<String> ANALYSIS_TYPES =
      List.of("investigation", "root-cause", "workflow-selection");

  private AIAnalysisFactory() {}

  /**
   * @param sp the SignalProcessing whose status is passed through (its status may still be empty)
   * @param recovery null for the initial analysis
   */
  public static AIAnalysis desired(
      RemediationRequest rr,
      String name,
      SignalProcessing sp,
      RecoveryContext recovery,
      Instant timesOutAt) {
    RemediationRequestSpec spec = rr.getSpec();
    SignalProcessingStatus classified = sp == null ? null : sp.getStatus();

    SignalContext context = new SignalContext();
    context.setFingerprint(spec.getSignalFingerprint());
    context.setSignalName(spec.getSignalName());
    context.setSeverity(spec.getSeverity());
    context.setEnvironment(
        firstSet(spec.getEnvironment(), classified == null ? null : classified.getEnvironment()));
    context.setPriority(
        firstSet(spec.getPriority(), classified == null ? null : classified.getPriority()));
    context.setTargetResource(Copies.target(spec.getTargetResource()));
    context.setEnrichment(classified == null ? null : copy(classified.getEnrichment()));

    AIAnalysisSpec childSpec = new AIAnalysisSpec();
    childSpec.setRemediationRequestRef(ChildMetadata.rrRef(rr));
    childSpec.setSignalContext(context);
    childSpec.setAnalysisTypes(new ArrayList<>(ANALYSIS_TYPES));
    childSpec.setTimesOutAt(ChildMetadata.rfc3339(timesOutAt));
    if (recovery != null) {
      applyRecovery(childSpec, rr.getMetadata().getNamespace(), recovery);
    }

    AIAnalysis ai = new AIAnalysis();
    ai.setMetadata(ChildMetadata.ownedMeta(rr, name));
    ai.setSpec(childSpec);
    return ai;
  }

  private static void applyRecovery(
      AIAnalysisSpec spec, String namespace, RecoveryContext recovery) {
    spec.setIsRecoveryAttempt(true);
    spec.setRecoveryAttemptNumber(recovery.attemptNumber());
    if (recovery.failedWorkflowExecution() != null) {
      spec.setFailedWorkflowRef(
          ChildMetadata.ref(
              "WorkflowExecution", namespace, recovery.failedWorkflowExecution(), null));
    }
    spec.setFailedStep(recovery.failedStep());
    spec.setFailureReason(failureReason(recovery));
    List<ObjectReference> previous = new ArrayList<>();
    for (String analysis : recovery.previousAnalyses()) {
      previous.add(ChildMetadata.ref("AIAnalysis", namespace, analysis, null));
    }
    spec.setPreviousAIAnalysisRefs(previous);
  }

  /**
   * The failure reason, with the failed action and error type appended when known: the spec has no
   * separate fields for them, and the analysis needs them to avoid picking the same fix again.
   */
  static String failureReason(RecoveryContext recovery) {
    List<String> details = new ArrayList<>();
    if (recovery.failedAction() != null && !recovery.failedAction().isBlank()) {
      details.add("action " + recovery.failedAction());
    }
    if (recovery.errorType() != null && !recovery.errorType().isBlank()) {
      details.add("error " + recovery.errorType());
    }
    String reason = recovery.failureReason() == null ? "" : recovery.failureReason();
    if (details.isEmpty()) {
      return reason.isEmpty() ? null : reason;
    }
    String suffix = "(" + String.join(", ", details) + ")";
    return reason.isEmpty() ? suffix : reason + " " + suffix;
  }

  private static EnrichmentSummary copy(EnrichmentSummary source) {
    if (source == null) {
      return null;
    }
    EnrichmentSummary copy = new EnrichmentSummary();
    copy.setNamespaceLabels(
        source.getNamespaceLabels() == null
            ? null
            : new LinkedHashMap<>(source.getNamespaceLabels()));
    copy.setWorkloadLabels(
        source.getWorkloadLabels() == null
            ? null
            : new LinkedHashMap<>(source.getWorkloadLabels()));
    copy.setOwnerChain(
        source.getOwnerChain() == null ? null : new ArrayList<>(source.getOwnerChain()));
    copy.setSummary(source.getSummary());
    return copy;
  }

  private static String firstSet(String preferred, String fallback) {
    return preferred != null && !preferred.isBlank() ? preferred : fallback;
  }
}
