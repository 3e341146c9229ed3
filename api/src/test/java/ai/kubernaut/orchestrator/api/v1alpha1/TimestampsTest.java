package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void readsUtcAndOffsetTimestamps() {
    assertThat(Timestamps.parse("2025-01-31T10:15:00Z"))
        .contains(Instant.parse("2025-01-31T10:15:00Z"));
    assertThat(Timestamps.parse("2025-01-31T12:15:00+02:00"))
        .contains(Instant.parse("2025-01-31T10:15:00Z"));
  }

  @Test
  void givesNothingForAbsentOrInvalidValues() {
    assertThat(Timestamps.parse(null)).isEmpty();
    assertThat(Timestamps.parse(" ")).isEmpty();
    assertThat(Timestamps.parse("yesterday")).isEmpty();
  }
}
