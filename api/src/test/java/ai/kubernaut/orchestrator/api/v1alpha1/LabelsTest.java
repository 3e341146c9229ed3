package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void keepsAValidValueUnchanged() {
    assertThat(Labels.value("rr-High_Memory.1")).isEqualTo("rr-High_Memory.1");
    assertThat(Labels.value("")).isEmpty();
  }

  @Test
  void tiesAnObjectToItsRemediationRequest() {
    assertThat(Labels.forRemediationRequest("rr-1"))
        .containsExactly(java.util.Map.entry("kubernaut.ai/remediation-request", "rr-1"));
  }

  @Test
  void shortensALongValueWithAHashSoThatLongValuesStayDistinct() {
    String common = "x".repeat(100);

    String first = Labels.value(common + "-first");
    String second = Labels.value(common + "-second");

    assertThat(first).hasSize(Labels.MAX_VALUE_LENGTH);
    assertThat(first).endsWith("-" + Hashes.shortSha256(common + "-first"));
    assertThat(first).isNotEqualTo(second);
    assertThat(Labels.isValidValue(first)).isTrue();
    assertThat(Labels.value(common + "-first")).isEqualTo(first);
  }

  @Test
  void replacesInvalidCharactersAndMarksTheChangeWithAHash() {
    String value = Labels.value("müll/abfuhr ");

    assertThat(value).startsWith("mull-abfuhr-");
    assertThat(Labels.isValidValue(value)).isTrue();
  }

  @Test
  void turnsAValueWithoutAnyUsableCharacterIntoItsHash() {
    assertThat(Labels.value("🔥")).isEqualTo(Hashes.shortSha256("🔥"));
  }

  @Test
  void namesTheOrchestratorFinalizer() {
    assertThat(RemediationRequest.FINALIZER).isEqualTo("kubernaut.ai/remediation-orchestrator");
  }
}
