package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "300ms, PT0.3S",
    "5m, PT5M",
    "1h30m, PT1H30M",
    "2h45m10s, PT2H45M10S",
    "1.5h, PT1H30M",
    "0, PT0S",
    "0s, PT0S",
    "+5s, PT5S",
    ".5s, PT0.5S",
    "1.s, PT1S",
    "1500us, PT0.0015S",
    "1500µs, PT0.0015S",
    "250ns, PT0.00000025S",
    "1m30.5s, PT1M30.5S",
    "1h0m0s, PT1H"
  })
  void parsesGoDurations(String value, Duration expected) {
    assertThat(GoDuration.parse("spec.timeoutConfig.processing", value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} formats as {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT0.000000250S, 250ns",
    "PT0.0000015S, 1.5µs",
    "PT0.0015S, 1.5ms",
    "PT0.3S, 300ms",
    "PT1.5S, 1.5s",
    "PT5M, 5m0s",
    "PT1H30M, 1h30m0s",
    "PT2H45M10.25S, 2h45m10.25s",
    "PT48H, 48h0m0s"
  })
  void formatsLikeGo(Duration duration, String expected) {
    assertThat(GoDuration.format(duration)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1ns", "999ns", "1.5ms", "5m", "1h30m", "2h45m10s", "100h", "2562047h"})
  void roundTripsThroughFormat(String value) {
    Duration parsed = GoDuration.parse(value);

    assertThat(GoDuration.parse(GoDuration.format(parsed))).isEqualTo(parsed);
  }

  @Test
  void rejectsANegativeDurationNamingTheField() {
    assertThatThrownBy(() -> GoDuration.parse("spec.timeoutConfig.processing", "-5m"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("spec.timeoutConfig.processing: must not be negative, got \"-5m\"")
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("spec.timeoutConfig.processing");
  }

  @Test
  void rejectsAnEmptyDurationNamingTheField() {
    assertThatThrownBy(() -> GoDuration.parse("spec.timeoutConfig.global", " "))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("spec.timeoutConfig.global: must not be empty");
  }

  @Test
  void rejectsANumberWithoutAUnitNamingTheField() {
    assertThatThrownBy(() -> GoDuration.parse("spec.timeoutConfig.executing", "30"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("spec.timeoutConfig.executing: missing unit in \"30\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"5 m", "5x", "m", "1h30", "5m-3s", "1d", ".s", "abc", "5M"})
  void rejectsMalformedDurationsNamingTheField(String value) {
    assertThatThrownBy(() -> GoDuration.parse("spec.stormWindow", value))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("spec.stormWindow: invalid duration \"" + value + "\"");
  }

  @Test
  void rejectsADurationBeyondGosRange() {
    assertThatThrownBy(() -> GoDuration.parse("spec.timeoutConfig.global", "3000000h"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("spec.timeoutConfig.global: duration \"3000000h\" is out of range");
  }

  @Test
  void refusesToFormatANegativeDuration() {
    assertThatThrownBy(() -> GoDuration.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
