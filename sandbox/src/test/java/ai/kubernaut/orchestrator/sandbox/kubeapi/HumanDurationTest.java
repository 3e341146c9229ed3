package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

  @Test
  void formatsAgesLikeTheApiServer() {
    assertThat(HumanDuration.format(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
    assertThat(HumanDuration.format(Duration.ofMillis(-500))).isEqualTo("0s");
    assertThat(HumanDuration.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(HumanDuration.format(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(HumanDuration.format(Duration.ofSeconds(192))).isEqualTo("3m12s");
    assertThat(HumanDuration.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(HumanDuration.format(Duration.ofMinutes(42))).isEqualTo("42m");
    assertThat(HumanDuration.format(Duration.ofMinutes(320))).isEqualTo("5h20m");
    assertThat(HumanDuration.format(Duration.ofHours(30))).isEqualTo("30h");
    assertThat(HumanDuration.format(Duration.ofHours(76))).isEqualTo("3d4h");
    assertThat(HumanDuration.format(Duration.ofDays(40))).isEqualTo("40d");
    assertThat(HumanDuration.format(Duration.ofDays(800))).isEqualTo("2y70d");
    assertThat(HumanDuration.format(Duration.ofDays(365 * 9))).isEqualTo("9y");
  }
}
