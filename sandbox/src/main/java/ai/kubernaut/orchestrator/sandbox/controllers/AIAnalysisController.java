package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.Recommendation;
import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.AnalysisOutcome;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Simulated AIAnalysis controller: Pending → Investigating → Analyzing → Completed with a selected
 * workflow, confidence and root cause; or Completed with reason WorkflowNotNeeded, or with
 * approvalRequired, or with needsHumanReview; or Failed ({@code sandbox.kubernaut.ai/ai}, and
 * {@code sandbox.kubernaut.ai/ai-recovery} for analyses with {@code spec.isRecoveryAttempt}).
 */
final class AIAnalysisController extends ScriptedController<AIAnalysis> {

  static final double CONFIDENT = 0.92;
  static final double UNSURE = 0.68;
  static final double CLUELESS = 0.35;
  static final double AUTO_APPROVAL_THRESHOLD = 0.80;
  static final String WORKFLOW_NOT_NEEDED = "WorkflowNotNeeded";

  AIAnalysisController(
      KubernetesClient client,
      ControllerConfig config,
      RemediationRequests remediationRequests,
      ScheduledExecutorService executor,
      ChildStore<AIAnalysis> store) {
    super(AIAnalysis.class, client, config, remediationRequests, executor, store);
  }

  static AIAnalysisPhase phase(AIAnalysis ai) {
    return ai.getStatus() == null || ai.getStatus().getPhase() == null
        ? AIAnalysisPhase.PENDING
        : ai.getStatus().getPhase();
  }

  static boolean isRecovery(AIAnalysis ai) {
    return ai.getSpec() != null && Boolean.TRUE.equals(ai.getSpec().getIsRecoveryAttempt());
  }

  @Override
  String state(AIAnalysis ai) {
    return phase(ai).value();
  }

  @Override
  boolean isFinished(AIAnalysis ai) {
    AIAnalysisPhase phase = phase(ai);
    return phase.isTerminal() || phase == AIAnalysisPhase.UNKNOWN;
  }

  @Override
  ObjectReference remediationRequestRef(AIAnalysis ai) {
    return ai.getSpec() == null ? null : ai.getSpec().getRemediationRequestRef();
  }

  @Override
  Optional<String> deadline(AIAnalysis ai) {
    return Optional.ofNullable(ai.getSpec()).map(AIAnalysisSpec::getTimesOutAt);
  }

  @Override
  Optional<Step<AIAnalysis>> next(AIAnalysis ai, StepContext context) {
    AnalysisOutcome outcome = context.script().analysisFor(isRecovery(ai));
    String signal = signalName(ai, context);
    return switch (phase(ai)) {
      case PENDING ->
          Optional.of(
              Step.of(
                  "Pending -> Investigating",
                  context.stepDelay(),
                  fresh -> {
                    AIAnalysisStatus status = status(fresh);
                    status.setPhase(AIAnalysisPhase.INVESTIGATING);
                    status.setMessage("investigating " + signal);
                  }));
      case INVESTIGATING ->
          switch (outcome) {
            case STUCK -> Optional.empty();
            case FAIL ->
                Optional.of(
                    Step.of(
                        "Investigating -> Failed",
                        context.stepDelay(),
                        fresh -> {
                          AIAnalysisStatus status = status(fresh);
                          status.setPhase(AIAnalysisPhase.FAILED);
                          status.setReason("InvestigationFailed");
                          status.setMessage(
                              "the investigation service did not answer (scripted by "
                                  + key(ai)
                                  + "=fail)");
                        }));
            default ->
                Optional.of(
                    Step.of(
                        "Investigating -> Analyzing",
                        context.stepDelay(),
                        fresh -> {
                          AIAnalysisStatus status = status(fresh);
                          status.setPhase(AIAnalysisPhase.ANALYZING);
                          status.setMessage("analyzing the evidence for " + signal);
                        }));
          };
      case ANALYZING -> Optional.of(completed(ai, context, outcome));
      default -> Optional.empty();
    };
  }

  private Step<AIAnalysis> completed(AIAnalysis ai, StepContext context, AnalysisOutcome outcome) {
    AIAnalysisStatus result = result(ai, context, outcome);
    return Step.of(
        "Analyzing -> " + result.getPhase().value() + " (" + outcome.value() + ")",
        context.stepDelay(),
        fresh -> {
          AIAnalysisStatus status = status(fresh);
          status.setPhase(result.getPhase());
          status.setReason(result.getReason());
          status.setConfidence(result.getConfidence());
          status.setRootCause(result.getRootCause());
          status.setSelectedWorkflow(result.getSelectedWorkflow());
          status.setRecommendations(result.getRecommendations());
          status.setApprovalRequired(result.getApprovalRequired());
          status.setApprovalReason(result.getApprovalReason());
          status.setApprovalContext(result.getApprovalContext());
          status.setNeedsHumanReview(result.getNeedsHumanReview());
          status.setMessage(result.getMessage());
        });
  }

  /** The final status for {@code outcome}; pure. */
  static AIAnalysisStatus result(AIAnalysis ai, StepContext context, AnalysisOutcome outcome) {
    String signal = signalName(ai, context);
    TargetResource target = target(ai, context);
    boolean recovery = isRecovery(ai);
    String rootCause = SandboxCatalog.rootCauseFor(signal, target);
    AIAnalysisStatus status = new AIAnalysisStatus();
    status.setPhase(AIAnalysisPhase.COMPLETED);
    status.setRootCause(rootCause);
    switch (outcome) {
      case WORKFLOW_NOT_NEEDED -> {
        status.setReason(WORKFLOW_NOT_NEEDED);
        status.setConfidence(0.95);
        status.setRootCause(
            "the condition cleared on its own (" + SandboxCatalog.describe(target) + ")");
        status.setApprovalRequired(false);
        status.setNeedsHumanReview(false);
        status.setMessage("no remediation needed: the signal has resolved");
      }
      case HUMAN_REVIEW -> {
        status.setReason("LowConfidence");
        status.setConfidence(CLUELESS);
        status.setApprovalRequired(false);
        status.setNeedsHumanReview(true);
        status.setMessage(
            "no workflow fits with enough confidence (%.2f); a human must review"
                .formatted(CLUELESS));
      }
      case APPROVAL -> {
        SelectedWorkflow workflow = workflow(ai, signal, target, recovery, rootCause);
        status.setConfidence(UNSURE);
        status.setSelectedWorkflow(workflow);
        status.setRecommendations(recommendations(workflow, UNSURE));
        status.setApprovalRequired(true);
        String reason =
            "confidence %.2f is below the auto-approval threshold %.2f"
                .formatted(UNSURE, AUTO_APPROVAL_THRESHOLD);
        status.setApprovalReason(reason);
        ApprovalContext approval = new ApprovalContext();
        approval.setReason(reason);
        approval.setConfidenceLevel(UNSURE);
        approval.setInvestigationSummary(rootCause);
        approval.setWhyApprovalRequired(
            "the sandbox script asks for approval (" + key(ai) + "=approval)");
        approval.setEvidence(
            List.of("signal " + signal, "target " + SandboxCatalog.describe(target)));
        status.setApprovalContext(approval);
        status.setNeedsHumanReview(false);
        status.setMessage("workflow " + workflow.getWorkflowId() + " selected; approval required");
      }
      default -> {
        SelectedWorkflow workflow = workflow(ai, signal, target, recovery, rootCause);
        status.setConfidence(CONFIDENT);
        status.setSelectedWorkflow(workflow);
        status.setRecommendations(recommendations(workflow, CONFIDENT));
        status.setApprovalRequired(false);
        status.setNeedsHumanReview(false);
        status.setMessage("workflow " + workflow.getWorkflowId() + " selected");
      }
    }
    return status;
  }

  private static SelectedWorkflow workflow(
      AIAnalysis ai, String signal, TargetResource target, boolean recovery, String rootCause) {
    String rationale;
    if (recovery) {
      AIAnalysisSpec spec = ai.getSpec();
      rationale =
          "recovery attempt %s: the previous workflow failed at step %s (%s); rolling back instead"
              .formatted(
                  spec.getRecoveryAttemptNumber() == null ? "?" : spec.getRecoveryAttemptNumber(),
                  spec.getFailedStep() == null ? "?" : spec.getFailedStep(),
                  spec.getFailureReason() == null ? "unknown failure" : spec.getFailureReason());
    } else {
      rationale = rootCause;
    }
    return SandboxCatalog.workflowFor(signal, target, recovery, rationale);
  }

  private static List<Recommendation> recommendations(
      SelectedWorkflow workflow, double confidence) {
    Recommendation recommendation = new Recommendation();
    recommendation.setAction(workflow.getWorkflowId());
    recommendation.setDescription(workflow.getRationale());
    recommendation.setConfidence(confidence);
    return List.of(recommendation);
  }

  private static String key(AIAnalysis ai) {
    return isRecovery(ai) ? Script.RECOVERY_ANALYSIS : Script.ANALYSIS;
  }

  private static String signalName(AIAnalysis ai, StepContext context) {
    SignalContext signal = ai.getSpec() == null ? null : ai.getSpec().getSignalContext();
    if (signal != null && signal.getSignalName() != null) {
      return signal.getSignalName();
    }
    return context
        .remediationRequest()
        .map(rr -> rr.getSpec().getSignalName())
        .orElse("unknown signal");
  }

  private static TargetResource target(AIAnalysis ai, StepContext context) {
    SignalContext signal = ai.getSpec() == null ? null : ai.getSpec().getSignalContext();
    if (signal != null && signal.getTargetResource() != null) {
      return signal.getTargetResource();
    }
    return context.remediationRequest().map(rr -> rr.getSpec().getTargetResource()).orElse(null);
  }

  private static AIAnalysisStatus status(AIAnalysis ai) {
    if (ai.getStatus() == null) {
      ai.setStatus(new AIAnalysisStatus());
    }
    return ai.getStatus();
  }
}
