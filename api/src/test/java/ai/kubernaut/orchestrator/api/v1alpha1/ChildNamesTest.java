package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChildNamesTest {

  @Test
  void prefixesEachChildKindOfTheRemediationRequest() {
    assertThat(ChildNames.signalProcessing("rr-1")).isEqualTo("sp-rr-1");
    assertThat(ChildNames.aiAnalysis("rr-1")).isEqualTo("ai-rr-1");
    assertThat(ChildNames.recoveryAiAnalysis("rr-1", 2)).isEqualTo("ai-rr-1-recovery-2");
    assertThat(ChildNames.approvalRequest("rr-1")).isEqualTo("rar-rr-1");
    assertThat(ChildNames.recoveryApprovalRequest("rr-1", 1)).isEqualTo("rar-rr-1-recovery-1");
    assertThat(ChildNames.workflowExecution("rr-1")).isEqualTo("we-rr-1");
    assertThat(ChildNames.recoveryWorkflowExecution("rr-1", 3)).isEqualTo("we-rr-1-recovery-3");
    assertThat(ChildNames.bulkNotification("rr-1")).isEqualTo("nr-bulk-rr-1");
  }

  @Test
  void namesNotificationsByTheirLowercasedType() {
    assertThat(ChildNames.notification(NotificationType.ESCALATION, "rr-1"))
        .isEqualTo("nr-escalation-rr-1");
    assertThat(ChildNames.notification(NotificationType.MANUAL_REVIEW, "rr-1"))
        .isEqualTo("nr-manualreview-rr-1");
    assertThat(ChildNames.notification(NotificationType.STATUS_UPDATE, "rr-1"))
        .isEqualTo("nr-statusupdate-rr-1");
  }

  @Test
  void appendsTheOperatorRetrySuffix() {
    assertThat(ChildNames.withRetry(ChildNames.workflowExecution("rr-1"), 1))
        .isEqualTo("we-rr-1-retry-1");
    assertThat(ChildNames.withRetry(ChildNames.recoveryAiAnalysis("rr-1", 2), 3))
        .isEqualTo("ai-rr-1-recovery-2-retry-3");
  }

  @Test
  void keepsANameThatIsExactlyAtTheLimit() {
    String rr = "r".repeat(ChildNames.MAX_LENGTH - "sp-".length());

    String name = ChildNames.signalProcessing(rr);

    assertThat(name).hasSize(ChildNames.MAX_LENGTH).isEqualTo("sp-" + rr);
  }

  @Test
  void shortensANameOverTheLimitWithAStableHash() {
    String rr = "r".repeat(ChildNames.MAX_LENGTH);

    String name = ChildNames.signalProcessing(rr);

    String hash = Hashes.shortSha256("sp-" + rr);
    assertThat(name).hasSize(ChildNames.MAX_LENGTH).startsWith("sp-rrr").endsWith("-" + hash);
    assertThat(ChildNames.isValid(name)).isTrue();
    assertThat(ChildNames.signalProcessing(rr)).isEqualTo(name);
  }

  @Test
  void keepsTheRecoveryAndRetrySuffixesReadableWhenShortening() {
    String rr = "r".repeat(ChildNames.MAX_LENGTH);

    String recovery = ChildNames.recoveryWorkflowExecution(rr, 2);
    String retry = ChildNames.withRetry(recovery, 1);

    assertThat(recovery).hasSize(ChildNames.MAX_LENGTH).endsWith("-recovery-2");
    assertThat(retry).hasSize(ChildNames.MAX_LENGTH).endsWith("-recovery-2-retry-1");
    assertThat(ChildNames.isValid(recovery)).isTrue();
    assertThat(ChildNames.isValid(retry)).isTrue();
  }

  @Test
  void keepsTwoLongNamesWithACommonPrefixApart() {
    String common = "a".repeat(300);

    String first = ChildNames.aiAnalysis(common + "-first");
    String second = ChildNames.aiAnalysis(common + "-second");

    assertThat(first).isNotEqualTo(second);
    assertThat(first).hasSize(ChildNames.MAX_LENGTH);
    assertThat(second).hasSize(ChildNames.MAX_LENGTH);
    assertThat(first.substring(0, 240)).isEqualTo(second.substring(0, 240));
  }

  @Test
  void normalisesInvalidCharactersDeterministically() {
    String name = ChildNames.workflowExecution("Café_Überprüfung");

    assertThat(name).startsWith("we-cafe-uberprufung-");
    assertThat(ChildNames.isValid(name)).isTrue();
    assertThat(ChildNames.workflowExecution("Café_Überprüfung")).isEqualTo(name);
  }

  @Test
  void keepsNamesApartThatDifferOnlyInInvalidCharacters() {
    String underscore = ChildNames.aiAnalysis("disk_full");
    String hyphen = ChildNames.aiAnalysis("disk-full");
    String upper = ChildNames.aiAnalysis("Disk-Full");

    assertThat(hyphen).isEqualTo("ai-disk-full");
    assertThat(underscore).isNotEqualTo(hyphen).startsWith("ai-disk-full-");
    assertThat(upper).isNotEqualTo(hyphen).isNotEqualTo(underscore);
  }

  @Test
  void repairsDotsThatWouldLeaveAnEmptyDnsLabel() {
    String name = ChildNames.signalProcessing("a..b.-c.");

    assertThat(ChildNames.isValid(name)).isTrue();
    assertThat(name).startsWith("sp-a--b--c-");
  }

  @Test
  void replacesCharactersWithoutALatinFormByHyphensAndStaysValid() {
    String name = ChildNames.notification(NotificationType.ESCALATION, "警告🔥");

    assertThat(ChildNames.isValid(name)).isTrue();
    assertThat(name).startsWith("nr-escalation-");
  }

  @Test
  void keepsValidDottedNamesUnchanged() {
    assertThat(ChildNames.approvalRequest("payments.api--v2")).isEqualTo("rar-payments.api--v2");
  }

  @Test
  void rejectsAttemptsAndRetriesBelowOne() {
    assertThatThrownBy(() -> ChildNames.recoveryAiAnalysis("rr", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> ChildNames.withRetry("we-rr", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChildNames.signalProcessing(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
