package ai.kubernaut.orchestrator.activities.kube;

import static ai.kubernaut.orchestrator.activities.TestStatuses.completed;
import static ai.kubernaut.orchestrator.activities.TestStatuses.status;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusProjectorTest {

  private static final RemediationRef RR = new RemediationRef("shop", "disk-full", "uid-1");
  private static final Instant NOW = Instant.parse("2025-01-31T11:00:00Z");
  private static final TemporalUi UI = new TemporalUi("http://ui:8080", "default");

  private static StatusWrite write(DesiredStatus status) {
    return new StatusWrite(
        RR, "rr/shop/disk-full/uid-1", "run-1", 7, status, List.of(EventRecord.normal("X", "y")));
  }

  @Test
  void projectsPhaseOutcomeTimesAndTheSequenceGuard() {
    RemediationRequestStatus s =
        StatusProjector.project(write(completed(Outcome.Remediated)), 3L, null, NOW, UI);

    assertThat(s.getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
    assertThat(s.getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
    assertThat(s.getObservedGeneration()).isEqualTo(3L);
    assertThat(s.getStartTime()).isEqualTo("2025-01-31T10:15:03Z");
    assertThat(s.getCompletionTime()).isEqualTo("2025-01-31T10:21:43Z");
    assertThat(s.getStatusSequence()).isEqualTo(7L);
    assertThat(s.getStatusRunId()).isEqualTo("run-1");
    assertThat(s.getDeduplication()).isNull();
  }

  @Test
  void writesTheTemporalReferenceWithTheUiLink() {
    RemediationRequestStatus s =
        StatusProjector.project(write(completed(Outcome.Remediated)), 1L, null, NOW, UI);

    assertThat(s.getTemporal().getWorkflowId()).isEqualTo("rr/shop/disk-full/uid-1");
    assertThat(s.getTemporal().getRunId()).isEqualTo("run-1");
    assertThat(s.getTemporal().getUiURL())
        .isEqualTo(
            "http://ui:8080/namespaces/default/workflows/rr%2Fshop%2Fdisk-full%2Fuid-1/run-1/history");
    assertThat(
            StatusProjector.project(write(completed(Outcome.Remediated)), 1L, null, NOW, null)
                .getTemporal()
                .getUiURL())
        .isNull();
  }

  @Test
  void formatsTimeoutsAsGoDurations() {
    DesiredStatus base = completed(Outcome.Remediated);
    PhaseTimeouts extended = PhaseTimeouts.defaults().withOverrides(null);
    extended =
        new PhaseTimeouts(
            extended.processing(),
            extended.analyzing(),
            extended.awaitingApproval(),
            Duration.ofMinutes(45),
            extended.recovering(),
            Duration.ofMinutes(90));
    DesiredStatus withTimeouts =
        new DesiredStatus(
            base.overallPhase(),
            base.outcome(),
            base.reason(),
            base.message(),
            base.startTime(),
            base.phaseStartTime(),
            base.completionTime(),
            base.retentionExpiryTime(),
            extended,
            base.children(),
            base.summaries(),
            base.recovery(),
            base.failure(),
            base.routing(),
            base.approvalNotificationSent());

    var t = StatusProjector.project(write(withTimeouts), 1L, null, NOW, UI).getTimeoutConfig();

    assertThat(t.getProcessing()).isEqualTo("5m0s");
    assertThat(t.getAnalyzing()).isEqualTo("10m0s");
    assertThat(t.getAwaitingApproval()).isEqualTo("15m0s");
    assertThat(t.getExecuting()).isEqualTo("45m0s");
    assertThat(t.getRecovering()).isEqualTo("10m0s");
    assertThat(t.getGlobal()).isEqualTo("1h30m0s");
  }

  @Test
  void writesReferencesWithUidsAndSummaries() {
    RemediationRequestStatus s =
        StatusProjector.project(write(completed(Outcome.Remediated)), 1L, null, NOW, UI);

    assertThat(s.getSignalProcessingRef().getName()).isEqualTo("sp-x");
    assertThat(s.getSignalProcessingRef().getUid()).isEqualTo("sp-uid");
    assertThat(s.getSignalProcessingRef().getNamespace()).isEqualTo("shop");
    assertThat(s.getSignalProcessingRef().getApiVersion()).isEqualTo("kubernaut.ai/v1alpha1");
    assertThat(s.getAiAnalysisRefs()).extracting(r -> r.getUid()).containsExactly("ai-uid");
    assertThat(s.getWorkflowExecutionRefs()).hasSize(1);
    var we = s.getWorkflowExecutionRefs().get(0);
    assertThat(we.getUid()).isEqualTo("we-uid");
    assertThat(we.getOutcome()).isEqualTo(WorkflowExecutionPhase.COMPLETED);
    assertThat(we.getAttemptNumber()).isEqualTo(1);
    assertThat(we.getCompletionTime()).isEqualTo("2025-01-31T10:20:03Z");
    assertThat(s.getNotificationRequestRefs())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getKind()).isEqualTo("NotificationRequest");
              assertThat(r.getUid()).isEqualTo("nr-uid");
            });
    assertThat(s.getSignalProcessingStatus().getEnvironment()).isEqualTo("production");
    assertThat(s.getAiAnalysisStatus().getSelectedWorkflowId()).isEqualTo("restart-pods");
    assertThat(s.getWorkflowExecutionStatus().getStepsCompleted()).isEqualTo(4);
    assertThat(s.getStepsCompleted()).isEqualTo(4);
    assertThat(s.getStepsTotal()).isEqualTo(4);
    assertThat(s.getOverallProgress()).isEqualTo(100);
    assertThat(s.getRecoveryAttempts()).isZero();
    assertThat(s.getMaxRecoveryAttempts()).isEqualTo(3);
    assertThat(s.getConditions()).extracting(c -> c.getType()).contains("Ready");
  }

  @Test
  void aGlobalTimeoutLeavesTimeoutPhaseOut() {
    DesiredStatus global =
        status(
            Phase.TimedOut,
            Outcome.TimedOut,
            null,
            null,
            new DesiredStatus.Failure(null, "global_timeout", "Global", NOW),
            "global timeout 1h0m0s");
    DesiredStatus phase =
        status(
            Phase.TimedOut,
            Outcome.TimedOut,
            null,
            null,
            new DesiredStatus.Failure(null, "phase_timeout", "Executing", NOW),
            "executing timed out");

    assertThat(StatusProjector.project(write(global), 1L, null, NOW, UI).getTimeoutPhase())
        .isNull();
    assertThat(StatusProjector.project(write(global), 1L, null, NOW, UI).getTimeoutTime())
        .isEqualTo("2025-01-31T11:00:00Z");
    assertThat(StatusProjector.project(write(phase), 1L, null, NOW, UI).getTimeoutPhase())
        .isEqualTo(RemediationPhase.EXECUTING);
  }
}
