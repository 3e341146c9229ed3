package ai.kubernaut.orchestrator.sandbox.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.sandbox.controllers.Script.AnalysisOutcome;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.ApprovalOutcome;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.ExecutionOutcome;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.NotificationOutcome;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.Preset;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.SignalProcessingOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScriptTest {

  @Test
  void succeedsAtEveryStepWithoutAnnotations() {
    Script script = Script.fromAnnotations(null);

    assertThat(script).isEqualTo(Script.defaults());
    assertThat(script.signalProcessing()).isEqualTo(SignalProcessingOutcome.SUCCEED);
    assertThat(script.analysis()).isEqualTo(AnalysisOutcome.WORKFLOW);
    assertThat(script.recoveryAnalysis()).isEqualTo(AnalysisOutcome.WORKFLOW);
    assertThat(script.approval()).isEqualTo(ApprovalOutcome.APPROVE);
    assertThat(script.execution()).isEqualTo(ExecutionOutcome.SUCCEED);
    assertThat(script.notification()).isEqualTo(NotificationOutcome.SENT);
    assertThat(script.steps()).isEqualTo(Script.DEFAULT_STEPS);
    assertThat(script.delay()).isEmpty();
    assertThat(script.problems()).isEmpty();
  }

  @Test
  void ignoresAnnotationsOutsideTheSandboxPrefix() {
    Script script =
        Script.fromAnnotations(Map.of("kubectl.kubernetes.io/last-applied-configuration", "{}"));

    assertThat(script).isEqualTo(Script.defaults());
  }

  @Test
  void readsTheRecoveryPreset() {
    Script script = Script.fromAnnotations(Map.of(Script.SCENARIO, "recovery"));

    assertThat(script.execution()).isEqualTo(ExecutionOutcome.FAIL_ONCE);
    assertThat(script.executionFor(0)).isEqualTo(ExecutionOutcome.FAIL);
    assertThat(script.executionFor(1)).isEqualTo(ExecutionOutcome.SUCCEED);
    assertThat(script.executionFor(2)).isEqualTo(ExecutionOutcome.SUCCEED);
  }

  @Test
  void letsFineGrainedAnnotationsOverrideThePreset() {
    Script script =
        Script.fromAnnotations(
            Map.of(
                Script.SCENARIO, "approval",
                Script.APPROVAL, "reject",
                Script.EXECUTION, "skip-resource-busy"));

    assertThat(script.analysis()).isEqualTo(AnalysisOutcome.APPROVAL);
    assertThat(script.approval()).isEqualTo(ApprovalOutcome.REJECT);
    assertThat(script.execution()).isEqualTo(ExecutionOutcome.SKIP_RESOURCE_BUSY);
    assertThat(script.problems()).isEmpty();
  }

  @Test
  void readsEveryFineGrainedAnnotation() {
    Script script =
        Script.fromAnnotations(
            Map.of(
                Script.SIGNAL_PROCESSING, "fail",
                Script.ANALYSIS, "Human-Review",
                Script.RECOVERY_ANALYSIS, "workflow-not-needed",
                Script.APPROVAL, "none",
                Script.EXECUTION, "stuck",
                Script.EXECUTION_STEPS, "5",
                Script.NOTIFICATION, "fail",
                Script.DELAY, "200ms",
                Script.APPROVAL_DELAY, "1s"));

    assertThat(script.signalProcessing()).isEqualTo(SignalProcessingOutcome.FAIL);
    assertThat(script.analysis()).isEqualTo(AnalysisOutcome.HUMAN_REVIEW);
    assertThat(script.analysisFor(false)).isEqualTo(AnalysisOutcome.HUMAN_REVIEW);
    assertThat(script.analysisFor(true)).isEqualTo(AnalysisOutcome.WORKFLOW_NOT_NEEDED);
    assertThat(script.approval()).isEqualTo(ApprovalOutcome.NONE);
    assertThat(script.execution()).isEqualTo(ExecutionOutcome.STUCK);
    assertThat(script.steps()).isEqualTo(5);
    assertThat(script.notification()).isEqualTo(NotificationOutcome.FAIL);
    assertThat(script.delayOr(Duration.ofSeconds(9))).isEqualTo(Duration.ofMillis(200));
    assertThat(script.approvalDelayOr(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(1));
    assertThat(script.problems()).isEmpty();
  }

  @Test
  void fallsBackToTheConfiguredDelayWhenTheRrSetsNone() {
    Script script = Script.defaults();

    assertThat(script.delayOr(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
    assertThat(script.approvalDelayOr(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void usesTheStepDelayForTheApprovalWhenOnlyTheStepDelayIsSet() {
    Script script = Script.fromAnnotations(Map.of(Script.DELAY, "0"));

    assertThat(script.approvalDelayOr(Duration.ofMillis(300))).isEqualTo(Duration.ZERO);
  }

  @Test
  void reportsBadValuesAndKeepsTheDefaults() {
    Map<String, String> annotations = new HashMap<>();
    annotations.put(Script.EXECUTION, "explode");
    annotations.put(Script.DELAY, "-1s");
    annotations.put(Script.EXECUTION_STEPS, "100");
    annotations.put(Script.SCENARIO, "chaos");
    annotations.put(Script.PREFIX + "colour", "blue");

    Script script = Script.fromAnnotations(annotations);

    assertThat(script.execution()).isEqualTo(ExecutionOutcome.SUCCEED);
    assertThat(script.delay()).isEmpty();
    assertThat(script.steps()).isEqualTo(Script.DEFAULT_STEPS);
    assertThat(script.problems())
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).startsWith(Script.EXECUTION).contains("explode"))
        .anySatisfy(p -> assertThat(p).startsWith(Script.DELAY).contains("negative"))
        .anySatisfy(p -> assertThat(p).startsWith(Script.EXECUTION_STEPS).contains("100"))
        .anySatisfy(p -> assertThat(p).startsWith(Script.SCENARIO).contains("recovery"))
        .anySatisfy(p -> assertThat(p).contains("colour").contains("unknown annotation"));
  }

  @Test
  void reportsADelayWithoutAUnit() {
    Script script = Script.fromAnnotations(Map.of(Script.DELAY, "200"));

    assertThat(script.delay()).isEmpty();
    assertThat(script.problems()).singleElement().asString().contains("missing unit");
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void parsesEveryPresetByItsValue(Preset preset) {
    Script script = Script.fromAnnotations(Map.of(Script.SCENARIO, preset.value()));

    assertThat(script).isEqualTo(Script.of(preset));
  }

  @Test
  void mapsPresetsToTheirSteps() {
    assertThat(Script.of(Preset.APPROVAL_EXPIRES).approval()).isEqualTo(ApprovalOutcome.NONE);
    assertThat(Script.of(Preset.APPROVAL_EXPIRES).analysis()).isEqualTo(AnalysisOutcome.APPROVAL);
    assertThat(Script.of(Preset.TIMEOUT).execution()).isEqualTo(ExecutionOutcome.STUCK);
    assertThat(Script.of(Preset.NO_ACTION).analysis())
        .isEqualTo(AnalysisOutcome.WORKFLOW_NOT_NEEDED);
    assertThat(Script.of(Preset.WE_FAILURE).executionFor(3)).isEqualTo(ExecutionOutcome.FAIL);
    assertThat(Script.of(Preset.SP_FAILURE).signalProcessing())
        .isEqualTo(SignalProcessingOutcome.FAIL);
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void everyPresetIsMadeOfAnnotationsThatRead(Preset preset) {
    assertThat(Script.of(preset).problems()).isEmpty();
  }

  @Test
  void aBadValueOverAPresetKeepsThePresetsValue() {
    Script script =
        Script.fromAnnotations(Map.of(Script.SCENARIO, "approval", Script.ANALYSIS, "bogus"));

    assertThat(script.analysis()).isEqualTo(AnalysisOutcome.APPROVAL);
    assertThat(script.problems()).singleElement().asString().contains(Script.ANALYSIS);
  }

  @Test
  void rejectsAnOutOfRangeStepCountWhenBuiltDirectly() {
    Script d = Script.defaults();
    assertThatThrownBy(
            () ->
                new Script(
                    d.signalProcessing(),
                    d.analysis(),
                    d.recoveryAnalysis(),
                    d.approval(),
                    d.execution(),
                    d.notification(),
                    0,
                    d.delay(),
                    d.approvalDelay(),
                    d.problems()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
