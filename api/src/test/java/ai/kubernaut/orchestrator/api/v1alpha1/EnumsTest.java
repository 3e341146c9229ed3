package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EnumsTest {

  @Test
  void remediationPhasesAreTerminalExactlyWhenTheSpecSaysSo() {
    EnumSet<RemediationPhase> terminal =
        EnumSet.of(
            RemediationPhase.COMPLETED,
            RemediationPhase.FAILED,
            RemediationPhase.TIMED_OUT,
            RemediationPhase.CANCELLED,
            RemediationPhase.SKIPPED);

    for (RemediationPhase phase : RemediationPhase.values()) {
      assertThat(phase.isTerminal()).as(phase.name()).isEqualTo(terminal.contains(phase));
    }
  }

  @Test
  void serializeToTheExactKubernetesStrings() {
    assertThat(values(RemediationPhase.values()))
        .containsExactly(
            "Pending",
            "Processing",
            "Analyzing",
            "AwaitingApproval",
            "Executing",
            "Recovering",
            "Blocked",
            "Completed",
            "Failed",
            "TimedOut",
            "Cancelled",
            "Skipped");
    assertThat(values(RemediationOutcome.values()))
        .containsExactly(
            "Remediated",
            "NoActionRequired",
            "ManualReviewRequired",
            "Deduplicated",
            "Cancelled",
            "Failed",
            "TimedOut");
    assertThat(values(TargetType.values()))
        .containsExactly("kubernetes", "aws", "azure", "gcp", "datadog");
    assertThat(values(NotificationType.values()))
        .containsExactly(
            "Escalation", "Simple", "StatusUpdate", "Approval", "ManualReview", "Completion");
    assertThat(values(NotificationPriority.values()))
        .containsExactly("Critical", "High", "Medium", "Low");
    assertThat(values(ApprovalDecision.values()))
        .containsExactly("Approved", "Rejected", "Expired");
  }

  @Test
  void childPhasesKnowWhenTheyAreFinished() {
    assertThat(SignalProcessingPhase.CLASSIFYING.isTerminal()).isFalse();
    assertThat(SignalProcessingPhase.FAILED.isTerminal()).isTrue();
    assertThat(AIAnalysisPhase.INVESTIGATING.isTerminal()).isFalse();
    assertThat(AIAnalysisPhase.COMPLETED.isTerminal()).isTrue();
    assertThat(WorkflowExecutionPhase.RUNNING.isTerminal()).isFalse();
    assertThat(WorkflowExecutionPhase.SKIPPED.isTerminal()).isTrue();
    assertThat(NotificationPhase.SENDING.isTerminal()).isFalse();
    assertThat(NotificationPhase.SENT.isTerminal()).isTrue();
    assertThat(WorkflowExecutionPhase.UNKNOWN.isTerminal()).isFalse();
  }

  @Test
  void readUnknownStringsAsUnknown() {
    assertThat(RemediationPhase.fromValue("Paused")).isEqualTo(RemediationPhase.UNKNOWN);
    assertThat(TargetType.fromValue("Kubernetes")).isEqualTo(TargetType.UNKNOWN);
    assertThat(TargetType.fromValue("Unknown")).isEqualTo(TargetType.UNKNOWN);
    assertThat(TargetType.fromValue("aws")).isEqualTo(TargetType.AWS);
  }

  private static String[] values(Enum<?>[] constants) {
    return Arrays.stream(constants)
        .filter(constant -> !constant.name().equals("UNKNOWN"))
        .map(Object::toString)
        .toArray(String[]::new);
  }
}
