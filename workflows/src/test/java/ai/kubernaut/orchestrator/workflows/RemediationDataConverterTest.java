package ai.kubernaut.orchestrator.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import io.temporal.api.common.v1.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemediationDataConverterTest {

  @Test
  void writesJavaTimeAsIsoStrings() {
    RemediationInput in = TestRemediations.input("iso");

    Payload p = RemediationDataConverter.get().toPayload(in).orElseThrow();
    String json = p.getData().toString(StandardCharsets.UTF_8);

    assertThat(json).contains("\"creationTimestamp\":\"2025-01-01T10:00:00Z\"");
    assertThat(json).contains("\"processing\":\"PT5M\"");
    RemediationInput back =
        RemediationDataConverter.get()
            .fromPayload(p, RemediationInput.class, RemediationInput.class);
    assertThat(back).isEqualTo(in);
  }

  @Test
  void ignoresUnknownPropertiesAndFillsDefaults() {
    String json =
        "{\"rr\":{\"namespace\":\"n\",\"name\":\"x\",\"uid\":\"u\",\"future\":1},"
            + "\"creationTimestamp\":\"2025-01-01T10:00:00Z\",\"settings\":{\"retention\":\"PT1H\"}}";
    RemediationInput in = readInput(json);

    assertThat(in.creationTimestamp()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
    RemediationSettings s = in.settings();
    assertThat(s.retention()).hasHours(1);
    assertThat(s.defaultTimeouts()).isEqualTo(PhaseTimeouts.defaults());
    assertThat(s.defaultMaxRecoveryAttempts()).isEqualTo(3);
  }

  @Test
  void theFiveArgumentSettingsKeepTheirDefaults() {
    RemediationSettings s =
        new RemediationSettings(
            PhaseTimeouts.defaults(), 2, 0.2, java.time.Duration.ofHours(6), null);

    assertThat(s.terminationRateWindow()).hasHours(1);
    assertThat(s.defaultMaxRecoveryAttempts()).isEqualTo(2);
    assertThat(s.retention()).hasHours(6);
  }

  @Test
  void readsSettingsRecordedWithTheRetiredContinueAsNewThreshold() {
    // inputs in histories recorded before the threshold became a worker setting carry it
    String json =
        "{\"rr\":{\"namespace\":\"n\",\"name\":\"x\",\"uid\":\"u\"},"
            + "\"creationTimestamp\":\"2025-01-01T10:00:00Z\","
            + "\"settings\":{\"retention\":\"PT2H\",\"continueAsNewAfterEvents\":20}}";
    RemediationInput in = readInput(json);

    assertThat(in.settings().retention()).hasHours(2);
    assertThat(in.settings().defaultTimeouts()).isEqualTo(PhaseTimeouts.defaults());
  }

  @Test
  void searchAttributesAreDeclaredInSpecOrder() {
    assertThat(RemediationSearchAttributes.DEFINITIONS.keySet())
        .containsExactly(
            "RemediationPhase",
            "RemediationOutcome",
            "SignalFingerprint",
            "SignalName",
            "TargetResource",
            "TargetNamespace",
            "Environment",
            "Severity",
            "Priority",
            "RecoveryAttempts");
  }

  private static RemediationInput readInput(String json) {
    Payload p =
        Payload.newBuilder()
            .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFromUtf8(json))
            .build();
    return RemediationDataConverter.get()
        .fromPayload(p, RemediationInput.class, RemediationInput.class);
  }
}
