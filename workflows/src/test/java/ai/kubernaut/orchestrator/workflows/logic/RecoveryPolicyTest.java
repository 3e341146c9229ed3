package ai.kubernaut.orchestrator.workflows.logic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryPolicyTest {

  private static ChildStatus.Execution failed(String action, String type, int step) {
    return new ChildStatus.Execution(step - 1, 3, step, action, type, "boom", null, null);
  }

  @Test
  void patternIsActionTypeAndStep() {
    assertThat(RecoveryPolicy.pattern(failed("scale", "Timeout", 2))).isEqualTo("scale|Timeout|2");
    assertThat(RecoveryPolicy.pattern(null)).isEqualTo("null|null|null");
  }

  @Test
  void asksForTheRateWhenAttemptsRemainAndThePatternIsNew() {
    assertThat(RecoveryPolicy.beforeRate(0, 3, Set.of("a|b|1"), "a|b|2")).isNull();
  }

  @Test
  void refusesWhenAttemptsAreUsedUpOrRecoveryIsDisabled() {
    assertThat(RecoveryPolicy.beforeRate(3, 3, Set.of(), "p").reason())
        .isEqualTo(RecoveryPolicy.MAX_ATTEMPTS_EXCEEDED);
    assertThat(RecoveryPolicy.beforeRate(0, 0, Set.of(), "p").reason())
        .isEqualTo(RecoveryPolicy.MAX_ATTEMPTS_EXCEEDED);
  }

  @Test
  void refusesARepeatedPattern() {
    assertThat(RecoveryPolicy.beforeRate(1, 3, Set.of("p"), "p").reason())
        .isEqualTo(RecoveryPolicy.REPEATED_PATTERN);
  }

  @Test
  void refusesAtOrAboveTheThresholdAndWhenTheRateIsUnknown() {
    assertThat(RecoveryPolicy.withRate(new TerminationRate(1, 10), 0.10).reason())
        .isEqualTo(RecoveryPolicy.RATE_EXCEEDED);
    assertThat(RecoveryPolicy.withRate(new TerminationRate(9, 100), 0.10).viable()).isTrue();
    assertThat(RecoveryPolicy.withRate(new TerminationRate(0, 0), 0.10).viable()).isTrue();
    assertThat(RecoveryPolicy.withRate(null, 0.10).reason())
        .isEqualTo(RecoveryPolicy.RATE_UNAVAILABLE);
  }

  @Test
  void ignoresTheRateWhileFewerThanTenRemediationsEndedInTheWindow() {
    assertThat(RecoveryPolicy.withRate(new TerminationRate(1, 1), 0.10).viable()).isTrue();
    assertThat(RecoveryPolicy.withRate(new TerminationRate(9, 9), 0.10).viable()).isTrue();
    assertThat(RecoveryPolicy.withRate(new TerminationRate(10, 10), 0.10).viable()).isFalse();
  }
}
