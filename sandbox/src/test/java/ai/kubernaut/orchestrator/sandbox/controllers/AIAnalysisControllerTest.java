package ai.kubernaut.orchestrator.sandbox.controllers;

import static ai.kubernaut.orchestrator.sandbox.controllers.Scripts.script;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.CONFIG;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.ai;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.context;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.drive;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.recoveryAi;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.AnalysisOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AIAnalysisControllerTest {

  private final AIAnalysisController controller =
      new AIAnalysisController(null, CONFIG, null, null, null);

  @Test
  void investigatesAnalyzesAndSelectsAWorkflow() {
    AIAnalysis ai = ai("ns", "ai-oom", "oom");

    var states = drive(controller, ai, context(Script.defaults()));

    assertThat(states).containsExactly("Investigating", "Analyzing", "Completed");
    AIAnalysisStatus status = ai.getStatus();
    assertThat(status.getSelectedWorkflow().getWorkflowId()).isEqualTo("increase-memory-limit");
    assertThat(status.getSelectedWorkflow().getVersion()).isEqualTo("1.0.0");
    assertThat(status.getSelectedWorkflow().getExecutionBundle())
        .endsWith("increase-memory-limit:1.0.0");
    assertThat(status.getSelectedWorkflow().getParameters())
        .containsEntry("TARGET_KIND", "Deployment")
        .containsEntry("TARGET_NAME", "api")
        .containsEntry("TARGET_NAMESPACE", "payments");
    assertThat(status.getSelectedWorkflow().getRationale()).contains("memory limit");
    assertThat(status.getConfidence()).isEqualTo(AIAnalysisController.CONFIDENT);
    assertThat(status.getRootCause()).contains("memory limit");
    assertThat(status.getApprovalRequired()).isFalse();
    assertThat(status.getNeedsHumanReview()).isFalse();
    assertThat(status.getRecommendations()).hasSize(1);
  }

  @Test
  void reportsThatNoWorkflowIsNeeded() {
    AIAnalysis ai = ai("ns", "ai-oom", "oom");

    drive(controller, ai, context(script(Script.ANALYSIS, AnalysisOutcome.WORKFLOW_NOT_NEEDED)));

    assertThat(ai.getStatus().getPhase().value()).isEqualTo("Completed");
    assertThat(ai.getStatus().getReason()).isEqualTo("WorkflowNotNeeded");
    assertThat(ai.getStatus().getSelectedWorkflow()).isNull();
  }

  @Test
  void asksForApprovalWithAReason() {
    AIAnalysis ai = ai("ns", "ai-oom", "oom");

    drive(controller, ai, context(script(Script.ANALYSIS, AnalysisOutcome.APPROVAL)));

    AIAnalysisStatus status = ai.getStatus();
    assertThat(status.getPhase().value()).isEqualTo("Completed");
    assertThat(status.getApprovalRequired()).isTrue();
    assertThat(status.getApprovalReason()).contains("0.68").contains("0.80");
    assertThat(status.getApprovalContext().getConfidenceLevel()).isEqualTo(0.68);
    assertThat(status.getSelectedWorkflow()).isNotNull();
  }

  @Test
  void asksForHumanReviewWithoutAWorkflow() {
    AIAnalysis ai = ai("ns", "ai-oom", "oom");

    drive(controller, ai, context(script(Script.ANALYSIS, AnalysisOutcome.HUMAN_REVIEW)));

    assertThat(ai.getStatus().getPhase().value()).isEqualTo("Completed");
    assertThat(ai.getStatus().getNeedsHumanReview()).isTrue();
    assertThat(ai.getStatus().getSelectedWorkflow()).isNull();
  }

  @Test
  void failsWhenScriptedTo() {
    AIAnalysis ai = ai("ns", "ai-oom", "oom");

    var states = drive(controller, ai, context(script(Script.ANALYSIS, AnalysisOutcome.FAIL)));

    assertThat(states).containsExactly("Investigating", "Failed");
    assertThat(ai.getStatus().getMessage()).contains("sandbox.kubernaut.ai/ai=fail");
  }

  @Test
  void staysInvestigatingWhenStuck() {
    AIAnalysis ai = ai("ns", "ai-oom", "oom");

    var states = drive(controller, ai, context(script(Script.ANALYSIS, AnalysisOutcome.STUCK)));

    assertThat(states).containsExactly("Investigating");
  }

  @Test
  void givesRecoveryAnalysesTheirOwnOutcomeAndARollback() {
    AIAnalysis recovery = recoveryAi("ns", "oom", 1);
    Script script =
        script(Map.of(Script.ANALYSIS, "approval", Script.RECOVERY_ANALYSIS, "workflow"));

    drive(controller, recovery, context(script));

    AIAnalysisStatus status = recovery.getStatus();
    assertThat(status.getApprovalRequired()).isFalse();
    assertThat(status.getSelectedWorkflow().getWorkflowId())
        .isEqualTo(SandboxCatalog.RECOVERY_WORKFLOW);
    assertThat(status.getSelectedWorkflow().getRationale())
        .contains("recovery attempt 1")
        .contains("step 2")
        .contains("exited with code 1");
  }

  @Test
  void failsARecoveryAnalysisWhenScriptedTo() {
    AIAnalysis recovery = recoveryAi("ns", "oom", 2);

    drive(controller, recovery, context(script(Script.RECOVERY_ANALYSIS, AnalysisOutcome.FAIL)));

    assertThat(recovery.getStatus().getPhase().value()).isEqualTo("Failed");
    assertThat(recovery.getStatus().getMessage()).contains("sandbox.kubernaut.ai/ai-recovery");
  }
}
