package ai.kubernaut.orchestrator.sandbox.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.sandbox.scenarios.ScenarioReport.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

  private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
  private static final Instant NOW = START.plusSeconds(30);

  /** The scenario's RR as the orchestrator left it. */
  private static RemediationRequest finished(
      String id, RemediationPhase phase, RemediationOutcome outcome, Duration took) {
    RemediationRequest rr = Scenarios.byId(id).orElseThrow().toRemediationRequest("sandbox");
    rr.getMetadata().setCreationTimestamp(START.toString());
    RemediationRequestStatus status = new RemediationRequestStatus();
    status.setOverallPhase(phase);
    status.setOutcome(outcome);
    status.setStartTime(START.plusMillis(200).toString());
    if (phase.isTerminal()) {
      status.setCompletionTime(START.plusMillis(200).plus(took).toString());
    }
    rr.setStatus(status);
    return rr;
  }

  /** Every built-in scenario ended exactly as expected. */
  private static List<RemediationRequest> allAsExpected() {
    List<RemediationRequest> rrs = new ArrayList<>();
    for (Scenario scenario : Scenarios.builtIn()) {
      Expected expected = scenario.expected();
      RemediationRequest rr =
          finished(scenario.id(), expected.phase(), expected.outcome(), Duration.ofMillis(3_250));
      rr.getStatus().setRecoveryAttempts(expected.recoveryAttempts());
      rr.getStatus().setFailurePhase(expected.failurePhase());
      rr.getStatus().setTimeoutPhase(expected.timeoutPhase());
      rrs.add(rr);
    }
    return rrs;
  }

  @Test
  void reportsOkWhenEveryScenarioEndedAsExpected() {
    List<Row> rows = ScenarioReport.rows(Scenarios.builtIn(), allAsExpected(), NOW);

    assertThat(rows).hasSize(Scenarios.builtIn().size()).allMatch(Row::ok);
    assertThat(ScenarioReport.allMatch(rows)).isTrue();
    assertThat(ScenarioReport.table(rows))
        .contains("all 9 scenarios ended as expected")
        .doesNotContain("MISMATCH");
  }

  @Test
  void rendersAnAlignedTable() {
    List<RemediationRequest> rrs =
        List.of(
            finished(
                "clean-success",
                RemediationPhase.COMPLETED,
                RemediationOutcome.REMEDIATED,
                Duration.ofMillis(3_250)),
            finished(
                "phase-timeout",
                RemediationPhase.FAILED,
                RemediationOutcome.FAILED,
                Duration.ofMillis(4_400)));
    List<Scenario> scenarios =
        List.of(
            Scenarios.byId("clean-success").orElseThrow(),
            Scenarios.byId("phase-timeout").orElseThrow());

    String table = ScenarioReport.table(ScenarioReport.rows(scenarios, rrs, NOW));

    assertThat(table)
        .isEqualTo(
            """
            SCENARIO       RR             EXPECTED              ACTUAL                ATTEMPTS  ELAPSED  RESULT
            clean-success  clean-success  Completed/Remediated  Completed/Remediated  0         3.3s     OK
            phase-timeout  phase-timeout  TimedOut/TimedOut     Failed/Failed         0         4.4s     MISMATCH

            1 of 2 scenarios did not end as expected:
              phase-timeout: phase Failed, expected TimedOut; outcome Failed, expected TimedOut;\
             timeoutPhase (none), expected Executing
            """);
  }

  @Test
  void flagsAWrongRecoveryCount() {
    RemediationRequest rr =
        finished(
            "recovery",
            RemediationPhase.COMPLETED,
            RemediationOutcome.REMEDIATED,
            Duration.ofSeconds(5));

    List<Row> rows =
        ScenarioReport.rows(List.of(Scenarios.byId("recovery").orElseThrow()), List.of(rr), NOW);

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.ok()).isFalse();
              assertThat(row.mismatches()).containsExactly("recoveryAttempts 0, expected 1");
            });
  }

  @Test
  void flagsAWrongFailurePhase() {
    RemediationRequest rr =
        finished(
            "invalid-provider-data",
            RemediationPhase.FAILED,
            RemediationOutcome.FAILED,
            Duration.ofMillis(300));
    rr.getStatus().setFailurePhase("SignalProcessing");

    List<Row> rows =
        ScenarioReport.rows(
            List.of(Scenarios.byId("invalid-provider-data").orElseThrow()), List.of(rr), NOW);

    assertThat(rows.get(0).mismatches())
        .containsExactly("failurePhase SignalProcessing, expected Configuration");
  }

  @Test
  void flagsAMissingRrAndAnRrStillRunning() {
    RemediationRequest running =
        finished("clean-success", RemediationPhase.EXECUTING, null, Duration.ZERO);
    List<Scenario> scenarios =
        List.of(
            Scenarios.byId("clean-success").orElseThrow(),
            Scenarios.byId("recovery").orElseThrow());

    List<Row> rows = ScenarioReport.rows(scenarios, List.of(running), NOW);

    assertThat(rows.get(0).actual()).isEqualTo("Executing/-");
    assertThat(rows.get(0).elapsed()).isEqualTo(Duration.ofMillis(29_800));
    assertThat(rows.get(0).mismatches())
        .containsExactly(
            "phase Executing, expected Completed", "outcome (none), expected Remediated");
    assertThat(rows.get(1).mismatches()).containsExactly("RR not found");
    assertThat(ScenarioReport.allMatch(rows)).isFalse();
  }

  @Test
  void matchesRrsByNameWhenTheLabelIsGone() {
    RemediationRequest rr =
        finished(
            "clean-success",
            RemediationPhase.COMPLETED,
            RemediationOutcome.REMEDIATED,
            Duration.ofSeconds(1));
    rr.getMetadata().setLabels(null);

    List<Row> rows =
        ScenarioReport.rows(
            List.of(Scenarios.byId("clean-success").orElseThrow()), List.of(rr), NOW);

    assertThat(rows.get(0).ok()).isTrue();
  }

  @Test
  void treatsAnEmptyReportAsNotMatching() {
    assertThat(ScenarioReport.allMatch(List.of())).isFalse();
  }

  @Test
  void rendersACompactProgressLinePerRr() {
    RemediationRequest recovering =
        finished("recovery", RemediationPhase.RECOVERING, null, Duration.ZERO);
    recovering.getStatus().setRecoveryAttempts(1);
    RemediationRequest done =
        finished(
            "clean-success",
            RemediationPhase.COMPLETED,
            RemediationOutcome.REMEDIATED,
            Duration.ofMillis(3_250));
    RemediationRequest fresh = Scenarios.byId("no-action").orElseThrow().toRemediationRequest("x");
    fresh.getMetadata().setCreationTimestamp(NOW.minusSeconds(2).toString());

    assertThat(ScenarioReport.progressLine(recovering, NOW))
        .isEqualTo("recovery  Recovering                    attempts 1  29.8s");
    assertThat(ScenarioReport.progressLines(List.of(recovering, done, fresh), NOW))
        .isEqualTo(
            """
            recovery       Recovering                    attempts 1  29.8s
            clean-success  Completed/Remediated          attempts 0  3.3s
            no-action      Pending                       attempts 0  2.0s
            """);
  }

  @Test
  void summarisesProgressInOneLine() {
    List<RemediationRequest> rrs =
        List.of(
            finished("recovery", RemediationPhase.RECOVERING, null, Duration.ZERO),
            finished(
                "clean-success",
                RemediationPhase.COMPLETED,
                RemediationOutcome.REMEDIATED,
                Duration.ofSeconds(1)),
            finished("no-action", RemediationPhase.ANALYZING, null, Duration.ZERO),
            finished("approval-granted", RemediationPhase.ANALYZING, null, Duration.ZERO),
            Scenarios.byId("phase-timeout").orElseThrow().toRemediationRequest("x"));

    assertThat(ScenarioReport.progressSummary(rrs))
        .isEqualTo("1/5 done | Pending 1, Analyzing 2, Recovering 1, Completed 1");
  }

  @Test
  void formatsElapsedTimeCompactly() {
    assertThat(ScenarioReport.formatElapsed(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(ScenarioReport.formatElapsed(Duration.ofMillis(4_249))).isEqualTo("4.2s");
    assertThat(ScenarioReport.formatElapsed(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(ScenarioReport.formatElapsed(Duration.ofMinutes(62))).isEqualTo("1h02m");
    assertThat(ScenarioReport.formatElapsed(Duration.ofSeconds(-3))).isEqualTo("0ms");
  }
}
