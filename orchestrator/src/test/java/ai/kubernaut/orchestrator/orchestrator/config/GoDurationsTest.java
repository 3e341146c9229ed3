package ai.kubernaut.orchestrator.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationsTest {

  @Test
  void parsesGoDurations() {
    assertThat(GoDurations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(GoDurations.parse("10us")).isEqualTo(Duration.ofNanos(10_000));
    assertThat(GoDurations.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDurations.parse("24h")).isEqualTo(Duration.ofDays(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5 m", "m", "5d", "PT5M", "1h-5m", "abc", "-5m"})
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
