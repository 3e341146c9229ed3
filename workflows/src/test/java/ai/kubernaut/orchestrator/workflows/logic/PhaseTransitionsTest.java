package ai.kubernaut.orchestrator.workflows.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.workflows.model.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PhaseTransitionsTest {

  @Test
  void followsTheSpecHappyPath() {
    assertThat(PhaseTransitions.allowed(Phase.Pending, Phase.Processing)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.Processing, Phase.Analyzing)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.Analyzing, Phase.AwaitingApproval)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.Analyzing, Phase.Completed)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.AwaitingApproval, Phase.Executing)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.Executing, Phase.Recovering)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.Recovering, Phase.AwaitingApproval)).isTrue();
    assertThat(PhaseTransitions.allowed(Phase.Recovering, Phase.Executing)).isTrue();
  }

  @Test
  void refusesShortcuts() {
    assertThat(PhaseTransitions.allowed(Phase.Processing, Phase.Executing)).isFalse();
    assertThat(PhaseTransitions.allowed(Phase.AwaitingApproval, Phase.Completed)).isFalse();
    assertThat(PhaseTransitions.allowed(Phase.Pending, Phase.Recovering)).isFalse();
    assertThatThrownBy(() -> PhaseTransitions.check(Phase.Processing, Phase.Executing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Processing -> Executing");
  }

  @ParameterizedTest
  @EnumSource(
      value = Phase.class,
      names = {"Completed", "Failed", "TimedOut", "Cancelled", "Skipped"})
  void terminalPhasesGoNowhere(Phase terminal) {
    for (Phase to : Phase.values()) {
      assertThat(PhaseTransitions.allowed(terminal, to)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Phase.class,
      names = {"Completed", "Failed", "TimedOut", "Cancelled", "Skipped"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyActivePhaseCanFailTimeOutOrBeCancelled(Phase active) {
    assertThat(PhaseTransitions.allowed(active, Phase.Failed)).isTrue();
    assertThat(PhaseTransitions.allowed(active, Phase.TimedOut)).isTrue();
    assertThat(PhaseTransitions.allowed(active, Phase.Cancelled)).isTrue();
  }
}
