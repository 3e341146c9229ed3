package ai.kubernaut.orchestrator.workflows.logic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small pure rules: analysis decisions, child phases, progress, reasons, priorities. */
class RulesTest {

  private static ChildStatus ai(
      String phase, String reason, boolean approval, boolean human, String workflow) {
    return new ChildStatus(
        ChildKind.AIAnalysis,
        "ai-x",
        "1",
        phase,
        null,
        null,
        new ChildStatus.Analysis(reason, approval, null, human, workflow, null, 0.9, null),
        null,
        null);
  }

  @Test
  void analysisDecisions() {
    assertThat(AnalysisRules.decide(ai("Failed", null, false, false, null)).next())
        .isEqualTo(AnalysisRules.Next.MANUAL_REVIEW);
    assertThat(
            AnalysisRules.decide(ai("Completed", "WorkflowNotNeeded", false, false, null)).next())
        .isEqualTo(AnalysisRules.Next.NO_ACTION);
    assertThat(AnalysisRules.decide(ai("Completed", null, false, true, null)).reason())
        .isEqualTo("HumanReviewRequired");
    assertThat(AnalysisRules.decide(ai("Completed", null, false, false, null)).reason())
        .isEqualTo("NoWorkflowSelected");
    assertThat(AnalysisRules.decide(ai("Completed", null, true, false, "wf")).next())
        .isEqualTo(AnalysisRules.Next.AWAIT_APPROVAL);
    assertThat(AnalysisRules.decide(ai("Completed", null, false, true, "wf")).next())
        .isEqualTo(AnalysisRules.Next.AWAIT_APPROVAL);
    assertThat(AnalysisRules.decide(ai("Completed", null, false, false, "wf")).next())
        .isEqualTo(AnalysisRules.Next.EXECUTE);
  }

  @Test
  void childPhasesThatEndAWait() {
    assertThat(ChildPhases.isTerminal(ChildKind.SignalProcessing, "Completed")).isTrue();
    assertThat(ChildPhases.isTerminal(ChildKind.SignalProcessing, "Enriching")).isFalse();
    assertThat(ChildPhases.isTerminal(ChildKind.RemediationApprovalRequest, "Expired")).isTrue();
    assertThat(ChildPhases.isTerminal(ChildKind.RemediationApprovalRequest, null)).isFalse();
    assertThat(ChildPhases.isTerminal(ChildKind.WorkflowExecution, "Skipped")).isTrue();
    assertThat(ChildPhases.isTerminal(ChildKind.AIAnalysis, "Skipped")).isFalse();
  }

  @Test
  void progressGrowsWithTheStages() {
    assertThat(Progress.overall(Phase.Processing, false, 0, 0)).isEqualTo(5);
    assertThat(Progress.overall(Phase.Executing, false, 0, 4)).isEqualTo(40);
    assertThat(Progress.overall(Phase.Executing, false, 2, 4)).isEqualTo(70);
    assertThat(Progress.overall(Phase.Executing, false, 9, 4)).isEqualTo(100);
    assertThat(Progress.overall(Phase.Completed, true, 0, 0)).isEqualTo(100);
    assertThat(Progress.overall(Phase.Failed, false, 1, 2)).isEqualTo(70);
  }

  @Test
  void failureStrings() {
    assertThat(FailureReasons.recoveryReason("Timeout", 3)).isEqualTo("workflow_timeout_step_3");
    assertThat(FailureReasons.recoveryReason("Image Pull-Error", null))
        .isEqualTo("workflow_image_pull_error_step_unknown");
    assertThat(FailureReasons.recoveryReason(null, 1)).isEqualTo("workflow_unknown_step_1");
    assertThat(FailureReasons.failureType(Phase.TimedOut, Outcome.TimedOut, "Executing"))
        .isEqualTo("TimedOut");
    assertThat(FailureReasons.failureType(Phase.Failed, Outcome.ManualReviewRequired, "AIAnalysis"))
        .isEqualTo("ManualReviewRequired");
    assertThat(FailureReasons.failureType(Phase.Failed, Outcome.Failed, "Configuration"))
        .isEqualTo("Configuration");
  }

  @Test
  void notificationPriorities() {
    assertThat(NotificationRules.escalation(true, "info")).isEqualTo(NotificationPriority.Critical);
    assertThat(NotificationRules.timeout(true)).isEqualTo(NotificationPriority.Critical);
    assertThat(NotificationRules.timeout(false)).isEqualTo(NotificationPriority.High);
    assertThat(NotificationRules.escalation(false, "warning")).isEqualTo(NotificationPriority.High);
    assertThat(NotificationRules.escalation(false, "Critical"))
        .isEqualTo(NotificationPriority.Critical);
    assertThat(NotificationRules.manualReview(true, "info"))
        .isEqualTo(NotificationPriority.Critical);
    assertThat(NotificationRules.manualReview(false, "info")).isEqualTo(NotificationPriority.High);
    assertThat(NotificationRules.approval("critical")).isEqualTo(NotificationPriority.High);
    assertThat(NotificationRules.approval(null)).isEqualTo(NotificationPriority.Medium);
    assertThat(NotificationRules.informational()).isEqualTo(NotificationPriority.Low);
  }

  @Test
  void detailsShowPhaseWaitAndDeadlines() {
    RemediationSnapshot s =
        new RemediationSnapshot(
            "f",
            "DiskFull",
            "critical",
            null,
            null,
            new TargetRef("Node", "n1", null, null),
            null,
            null,
            null,
            null);
    assertThat(CurrentDetails.staticSummary(s)).isEqualTo("DiskFull on Node/n1");
    String md =
        CurrentDetails.markdown(
            Phase.Executing,
            "WorkflowExecution we-x",
            Instant.parse("2025-01-01T00:30:00Z"),
            Duration.ofMinutes(30),
            Instant.parse("2025-01-01T01:00:00Z"),
            1,
            3,
            null,
            null,
            null);
    assertThat(md)
        .contains("**Phase:** Executing")
        .contains("**Waiting for:** WorkflowExecution we-x")
        .contains("2025-01-01T00:30:00Z (30m)")
        .contains("**Recovery attempts:** 1 of 3");
  }

  @Test
  void namesComeFromTheApiModule() {
    assertThat(Names.recoveryWorkflowExecution("rr", 2)).isEqualTo("we-rr-recovery-2");
    assertThat(Names.withRetry("sp-rr", 1)).isEqualTo("sp-rr-retry-1");
    assertThat(Names.withRetry("x".repeat(260), 1)).hasSizeLessThanOrEqualTo(253);
    assertThat(Names.parseGoDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
  }
}
