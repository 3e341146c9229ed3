package ai.kubernaut.orchestrator.workflows.logic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

  private final PhaseTimeouts defaults = PhaseTimeouts.defaults();

  @Test
  void budgetsFollowTheSpecDefaults() {
    assertThat(Timeouts.forPhase(defaults, Phase.Processing)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Timeouts.forPhase(defaults, Phase.Analyzing)).isEqualTo(Duration.ofMinutes(10));
    assertThat(Timeouts.forPhase(defaults, Phase.Recovering)).isEqualTo(Duration.ofMinutes(10));
    assertThat(Timeouts.forPhase(defaults, Phase.AwaitingApproval))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(Timeouts.forPhase(defaults, Phase.Executing)).isEqualTo(Duration.ofMinutes(30));
    assertThat(Timeouts.forPhase(defaults, Phase.Pending)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void overridesWinOverDefaults() {
    PhaseTimeouts t =
        defaults.withOverrides(
            new TimeoutOverrides(
                Duration.ofMinutes(1), null, null, null, null, Duration.ofHours(2)));
    assertThat(t.processing()).isEqualTo(Duration.ofMinutes(1));
    assertThat(t.analyzing()).isEqualTo(Duration.ofMinutes(10));
    assertThat(t.global()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void extendGrowsOnlyTheNamedBudget() {
    PhaseTimeouts t = Timeouts.extend(defaults, "Executing", Duration.ofMinutes(15));
    assertThat(t.executing()).isEqualTo(Duration.ofMinutes(45));
    assertThat(t.processing()).isEqualTo(Duration.ofMinutes(5));
    assertThat(Timeouts.effective(t, "Executing")).isEqualTo(Duration.ofMinutes(45));
    assertThat(Timeouts.extend(defaults, "Global", Duration.ofHours(1)).global())
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void extendablePhasesAreMatchedIgnoringCase() {
    assertThat(Timeouts.extendablePhase("executing")).contains("Executing");
    assertThat(Timeouts.extendablePhase(" GLOBAL ")).contains("Global");
    assertThat(Timeouts.extendablePhase("Completed")).isEmpty();
    assertThat(Timeouts.extendablePhase(null)).isEmpty();
  }

  @Test
  void deadlinesSaturate() {
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    assertThat(Timeouts.deadline(at, Duration.ofMinutes(5)))
        .isEqualTo(Instant.parse("2025-01-01T00:05:00Z"));
    assertThat(Timeouts.deadline(Instant.MAX, Duration.ofDays(1))).isEqualTo(Instant.MAX);
  }

  @Test
  void humanFormIsShort() {
    assertThat(Timeouts.human(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Timeouts.human(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Timeouts.human(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Timeouts.human(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Timeouts.human(Duration.ZERO)).isEqualTo("0s");
  }
}
