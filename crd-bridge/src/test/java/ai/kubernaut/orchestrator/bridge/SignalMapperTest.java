package ai.kubernaut.orchestrator.bridge;

import static ai.kubernaut.orchestrator.activities.TestRemediations.ai;
import static ai.kubernaut.orchestrator.activities.TestRemediations.aiCompletedStatus;
import static ai.kubernaut.orchestrator.activities.TestRemediations.decided;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rar;
import static ai.kubernaut.orchestrator.activities.TestRemediations.sp;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spCompletedStatus;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spStatus;
import static ai.kubernaut.orchestrator.activities.TestRemediations.version;
import static ai.kubernaut.orchestrator.activities.TestRemediations.we;
import static ai.kubernaut.orchestrator.activities.TestRemediations.weFailed;
import static ai.kubernaut.orchestrator.activities.TestRemediations.weRunning;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.bridge.BridgeMetrics.FilterReason;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalMapperTest {

  @Test
  void signalsTheFirstStatusOfANewChild() {
    SignalProcessing added = version(sp("ns", "sp-a", spCompletedStatus("prod", "P1")), "5");

    ChildStatus status = SignalMapper.map(null, added).orElseThrow();

    assertThat(status.kind()).isEqualTo(ChildKind.SignalProcessing);
    assertThat(status.name()).isEqualTo("sp-a");
    assertThat(status.resourceVersion()).isEqualTo("5");
    assertThat(status.phase()).isEqualTo("Completed");
  }

  @Test
  void dropsTheProcessingAndAnalysisPhasesBeforeTheirEnd() {
    SignalProcessing enriching =
        version(sp("ns", "sp-a", spStatus(SignalProcessingPhase.ENRICHING)), "5");
    AIAnalysisStatus investigating = new AIAnalysisStatus();
    investigating.setPhase(AIAnalysisPhase.INVESTIGATING);
    var analysing = version(ai("ns", "ai-a", investigating), "6");
    SignalProcessing failed =
        version(sp("ns", "sp-a", spStatus(SignalProcessingPhase.FAILED)), "7");

    assertThat(SignalMapper.decide(null, enriching).dropped()).isEqualTo(FilterReason.NOT_DECISIVE);
    assertThat(SignalMapper.decide(null, analysing).dropped()).isEqualTo(FilterReason.NOT_DECISIVE);
    assertThat(SignalMapper.map(enriching, failed).orElseThrow().phase()).isEqualTo("Failed");
    assertThat(SignalMapper.map(null, version(we("ns", "we-a", weRunning(0, 3)), "8")))
        .as("a WorkflowExecution's progress shows on the RR")
        .isPresent();
  }

  @Test
  void dropsAChildWithoutStatusYet() {
    SignalProcessing created = version(sp("ns", "sp-a", null), "3");

    assertThat(SignalMapper.decide(null, created).dropped()).isEqualTo(FilterReason.NO_STATUS);
  }

  @Test
  void dropsAResyncReplayWithTheSameResourceVersion() {
    SignalProcessing cached = version(sp("ns", "sp-a", spCompletedStatus("prod", "P1")), "7");

    SignalMapper.Decision decision = SignalMapper.decide(cached, cached);

    assertThat(decision.isSignal()).isFalse();
    assertThat(decision.dropped()).isEqualTo(FilterReason.RESYNC);
  }

  @Test
  void signalsAPhaseChange() {
    SignalProcessing before =
        version(sp("ns", "sp-a", spStatus(SignalProcessingPhase.ENRICHING)), "7");
    SignalProcessing after = version(sp("ns", "sp-a", spCompletedStatus("prod", "P1")), "8");

    ChildStatus status = SignalMapper.map(before, after).orElseThrow();

    assertThat(status.phase()).isEqualTo("Completed");
    assertThat(status.classification()).isEqualTo(new ChildStatus.Classification("prod", "P1"));
  }

  @Test
  void dropsAChangeToFieldsTheWorkflowDoesNotRead() {
    SignalProcessing before = version(sp("ns", "sp-a", spCompletedStatus("prod", "P1")), "7");
    SignalProcessing after = version(sp("ns", "sp-a", spCompletedStatus("prod", "P1")), "9");
    after.getMetadata().setLabels(Map.of("touched", "yes"));

    assertThat(SignalMapper.decide(before, after).dropped()).isEqualTo(FilterReason.UNCHANGED);
  }

  @Test
  void dropsAnOlderVersionThanTheOneCached() {
    SignalProcessing newer = version(sp("ns", "sp-a", spCompletedStatus("prod", "P1")), "12");
    SignalProcessing older =
        version(sp("ns", "sp-a", spStatus(SignalProcessingPhase.FAILED)), "10");

    assertThat(SignalMapper.decide(newer, older).dropped()).isEqualTo(FilterReason.STALE);
  }

  @Test
  void signalsWorkflowExecutionProgressAndFailureDetails() {
    var running = version(we("ns", "we-a", weRunning(1, 3)), "20");
    var progressed = version(we("ns", "we-a", weRunning(2, 3)), "21");
    var failed = version(we("ns", "we-a", weFailed(2, "Timeout")), "22");

    assertThat(SignalMapper.map(running, progressed).orElseThrow().execution().stepsCompleted())
        .isEqualTo(2);
    ChildStatus failure = SignalMapper.map(progressed, failed).orElseThrow();
    assertThat(failure.phase()).isEqualTo("Failed");
    assertThat(failure.execution().failedStep()).isEqualTo(2);
    assertThat(failure.execution().errorType()).isEqualTo("Timeout");
  }

  @Test
  void signalsTheAnalysisResult() {
    var analysed = version(ai("ns", "ai-a", aiCompletedStatus("restart-pod", true)), "30");

    ChildStatus status = SignalMapper.map(null, analysed).orElseThrow();

    assertThat(status.analysis().selectedWorkflowId()).isEqualTo("restart-pod");
    assertThat(status.analysis().approvalRequired()).isTrue();
  }

  @Test
  void signalsAnApprovalOnlyOnceDecided() {
    var pending = version(rar("ns", "rar-a", null), "40");
    var approved = version(rar("ns", "rar-a", decided(ApprovalDecision.APPROVED, "alice")), "41");

    assertThat(SignalMapper.decide(null, pending).dropped()).isEqualTo(FilterReason.NO_STATUS);
    ChildStatus status = SignalMapper.map(pending, approved).orElseThrow();
    assertThat(status.phase()).isEqualTo("Approved");
    assertThat(status.approval().decidedBy()).isEqualTo("alice");
  }
}
