package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WriteRulesTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  private static String object(String metadataExtra) {
    return "{\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\""
        + metadataExtra
        + "},\"spec\":{\"a\":1}}";
  }

  @Test
  void marksDeletionWithASecondPrecisionUtcTimestamp() {
    String existing = object(",\"finalizers\":[\"f\"]");
    String proposed =
        object(",\"finalizers\":[\"f\"],\"deletionTimestamp\":\"2026-01-02T04:04:05.123\"");

    String stored = WriteRules.admit(existing, proposed, true, NOW).orElseThrow();

    assertThat(stored).contains("\"deletionTimestamp\":\"2026-01-02T03:04:05Z\"");
  }

  @Test
  void refusesNewFinalizersWhileDeleting() {
    String existing =
        object(",\"finalizers\":[\"f\"],\"deletionTimestamp\":\"2026-01-02T03:04:05Z\"");
    String proposed =
        object(",\"finalizers\":[\"f\",\"g\"],\"deletionTimestamp\":\"2026-01-02T03:04:05Z\"");

    assertThatThrownBy(() -> WriteRules.admit(existing, proposed, false, NOW))
        .isInstanceOf(RejectedWriteException.class)
        .hasMessageContaining("Widget \"w\" is invalid")
        .hasMessageContaining("found new finalizers []string{\"g\"}");
  }

  @Test
  void removesAnObjectBeingDeletedOnceItsLastFinalizerIsGone() {
    String existing =
        object(",\"finalizers\":[\"f\"],\"deletionTimestamp\":\"2026-01-02T03:04:05Z\"");

    assertThat(WriteRules.admit(existing, object(""), false, NOW)).isEmpty();
  }

  @Test
  void keepsTheServerOwnedDeletionTimestamp() {
    String deleting =
        object(",\"finalizers\":[\"f\"],\"deletionTimestamp\":\"2026-01-02T03:04:05Z\"");
    String live = object("");

    assertThat(
            WriteRules.admit(deleting, object(",\"finalizers\":[\"f\"]"), false, NOW).orElseThrow())
        .contains("\"deletionTimestamp\":\"2026-01-02T03:04:05Z\"");
    assertThat(
            WriteRules.admit(
                    live, object(",\"deletionTimestamp\":\"2030-01-01T00:00:00Z\""), false, NOW)
                .orElseThrow())
        .doesNotContain("deletionTimestamp");
  }

  @Test
  void dropsNullFieldsAsAMergePatchMeans() {
    String stored =
        WriteRules.admit(
                object(""),
                "{\"metadata\":{\"name\":\"w\"},\"status\":{\"a\":null,\"b\":[{\"c\":null,\"d\":1}]}}",
                false,
                NOW)
            .orElseThrow();

    assertThat(stored).isEqualTo("{\"metadata\":{\"name\":\"w\"},\"status\":{\"b\":[{\"d\":1}]}}");
  }
}
