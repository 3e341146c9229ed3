package ai.kubernaut.orchestrator.sandbox.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestValidator;
import ai.kubernaut.orchestrator.api.v1alpha1.Violation;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  private static Scenario scenario(String id) {
    return Scenarios.byId(id).orElseThrow();
  }

  @Test
  void coversEveryBuiltInCase() {
    assertThat(Scenarios.builtIn())
        .extracting(Scenario::id)
        .containsExactly(
            "clean-success",
            "recovery",
            "approval-granted",
            "approval-expires",
            "phase-timeout",
            "no-action",
            "duplicate-first",
            "duplicate-second",
            "invalid-provider-data");
  }

  @Test
  void expectsTheTerminalPhaseAndOutcomeOfEachScenario() {
    assertThat(scenario("clean-success").expected().label()).isEqualTo("Completed/Remediated");
    assertThat(scenario("recovery").expected().recoveryAttempts()).isEqualTo(1);
    assertThat(scenario("recovery").expected().label()).isEqualTo("Completed/Remediated");
    assertThat(scenario("approval-granted").expected().label()).isEqualTo("Completed/Remediated");
    assertThat(scenario("approval-expires").expected())
        .isEqualTo(
            Expected.of(RemediationPhase.FAILED, RemediationOutcome.FAILED)
                .withFailurePhase("Approval"));
    assertThat(scenario("phase-timeout").expected())
        .isEqualTo(
            Expected.of(RemediationPhase.TIMED_OUT, RemediationOutcome.TIMED_OUT)
                .withTimeoutPhase(RemediationPhase.EXECUTING));
    assertThat(scenario("no-action").expected().label()).isEqualTo("Completed/NoActionRequired");
    assertThat(scenario("duplicate-first").expected().label()).isEqualTo("Completed/Remediated");
    assertThat(scenario("duplicate-second").expected().label()).isEqualTo("Completed/Remediated");
    assertThat(scenario("invalid-provider-data").expected())
        .isEqualTo(
            Expected.of(RemediationPhase.FAILED, RemediationOutcome.FAILED)
                .withFailurePhase("Configuration"));
  }

  @Test
  void buildsValidRrsForEveryScenarioButTheInvalidOne() {
    for (Scenario scenario : Scenarios.builtIn()) {
      List<Violation> violations =
          RemediationRequestValidator.validate(scenario.toRemediationRequest("sandbox"));

      if (scenario.id().equals("invalid-provider-data")) {
        assertThat(violations)
            .singleElement()
            .extracting(Violation::field)
            .isEqualTo("spec.providerData");
      } else {
        assertThat(violations).as(scenario.id()).isEmpty();
      }
    }
  }

  @Test
  void scriptsEveryScenarioWithoutProblems() {
    for (Scenario scenario : Scenarios.builtIn()) {
      RemediationRequest rr = scenario.toRemediationRequest("sandbox");

      assertThat(Script.fromAnnotations(rr.getMetadata().getAnnotations()).problems())
          .as(scenario.id())
          .isEmpty();
    }
  }

  @Test
  void givesTheDuplicatePairTheSameFingerprintAndTarget() {
    RemediationRequest first = scenario("duplicate-first").toRemediationRequest("sandbox");
    RemediationRequest second = scenario("duplicate-second").toRemediationRequest("sandbox");

    assertThat(first.getSpec().getSignalFingerprint())
        .isEqualTo(second.getSpec().getSignalFingerprint())
        .matches("[a-f0-9]{64}");
    assertThat(first.getSpec().getTargetResource().getName())
        .isEqualTo(second.getSpec().getTargetResource().getName());
    assertThat(first.getMetadata().getName()).isNotEqualTo(second.getMetadata().getName());
    assertThat(scenario("duplicate-second").note()).contains("DuplicateInProgress");
  }

  @Test
  void givesOtherScenariosDistinctFingerprints() {
    assertThat(Scenarios.builtIn())
        .filteredOn(s -> !s.id().startsWith("duplicate-"))
        .extracting(Scenario::fingerprint)
        .doesNotHaveDuplicates();
  }

  @Test
  void givesTimeoutScenariosShortTimeoutsAndEveryRrASafetyNet() {
    RemediationRequest timeout = scenario("phase-timeout").toRemediationRequest("sandbox");
    RemediationRequest expiry = scenario("approval-expires").toRemediationRequest("sandbox");

    assertThat(GoDuration.parse(timeout.getSpec().getTimeoutConfig().getExecuting()))
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(GoDuration.parse(expiry.getSpec().getTimeoutConfig().getAwaitingApproval()))
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
    for (Scenario scenario : Scenarios.builtIn()) {
      assertThat(scenario.toRemediationRequest("x").getSpec().getTimeoutConfig().getGlobal())
          .isEqualTo(Scenarios.SAFETY_GLOBAL_TIMEOUT);
    }
  }

  @Test
  void labelsAndNamesEachRrAfterItsScenario() {
    RemediationRequest rr = scenario("recovery").toRemediationRequest("sandbox");

    assertThat(rr.getMetadata().getName()).isEqualTo("recovery");
    assertThat(rr.getMetadata().getNamespace()).isEqualTo("sandbox");
    assertThat(rr.getMetadata().getLabels()).containsEntry(Scenario.ID_LABEL, "recovery");
    assertThat(rr.getMetadata().getAnnotations()).containsEntry(Script.SCENARIO, "recovery");
    assertThat(rr.getSpec().getTargetResource().getNamespace()).isEqualTo("sandbox");
  }

  @Test
  void leavesTheNamespaceOffAClusterScopedTarget() {
    RemediationRequest rr = scenario("approval-expires").toRemediationRequest("sandbox");

    assertThat(rr.getSpec().getTargetResource().getKind()).isEqualTo("Node");
    assertThat(rr.getSpec().getTargetResource().getNamespace()).isNull();
  }

  @Test
  void buildsAFreshRrEachTime() {
    Scenario scenario = scenario("clean-success");

    RemediationRequest one = scenario.toRemediationRequest("a");
    one.getMetadata().getLabels().clear();

    assertThat(scenario.toRemediationRequest("a").getMetadata().getLabels()).isNotEmpty();
  }

  @Test
  void rejectsAnUnknownTimeoutField() {
    assertThatThrownBy(
            () ->
                new Scenario(
                    "x",
                    "x",
                    "s",
                    "warning",
                    new Scenario.Target("Pod", "p"),
                    "k",
                    Map.of(),
                    Map.of(),
                    Map.of("approving", "1s"),
                    null,
                    Expected.of(RemediationPhase.COMPLETED, RemediationOutcome.REMEDIATED),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("approving");
  }

  @Test
  void namesAMisspelledColumnOfTheTable() {
    String table =
        """
        - id: x
          description: x
          signalName: s
          severity: warning
          target: {kind: Pod, name: p}
          scirpt: success
          expected: {phase: Completed, outcome: Remediated}
        """;

    assertThatThrownBy(() -> Scenarios.parse(stream(table))).hasMessageContaining("scirpt");
  }

  @Test
  void namesAnExpectationThatIsNotTerminal() {
    String table =
        """
        - id: x
          description: x
          signalName: s
          severity: warning
          target: {kind: Pod, name: p}
          expected: {phase: Executing, outcome: Remediated}
        """;

    assertThatThrownBy(() -> Scenarios.parse(stream(table)))
        .hasStackTraceContaining("expected phase must be terminal");
  }

  private static java.io.InputStream stream(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
