package ai.kubernaut.orchestrator.activities.kube;

import static ai.kubernaut.orchestrator.activities.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.kube.ChildStatusMapper;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class ChildStatusMapperTest {

  @Test
  void mapsSignalProcessingClassification() {
    ChildStatus s = ChildStatusMapper.map(spCompleted("sp-x", "production", "P1"));

    assertThat(s.kind()).isEqualTo(ChildKind.SignalProcessing);
    assertThat(s.phase()).isEqualTo("Completed");
    assertThat(s.classification()).isEqualTo(new ChildStatus.Classification("production", "P1"));
  }

  @Test
  void mapsTheAnalysis() {
    ChildStatus s = ChildStatusMapper.map(aiCompleted("ai-x", "restart-pods", true));

    assertThat(s.phase()).isEqualTo("Completed");
    assertThat(s.analysis().approvalRequired()).isTrue();
    assertThat(s.analysis().approvalReason()).isEqualTo("confidence below 0.8");
    assertThat(s.analysis().selectedWorkflowId()).isEqualTo("restart-pods");
    assertThat(s.analysis().selectedWorkflowVersion()).isEqualTo("1.2.0");
    assertThat(s.analysis().confidence()).isEqualTo(0.72);
    assertThat(s.analysis().rootCause()).isEqualTo("memory leak in the cache layer");
  }

  @Test
  void anUndecidedApprovalHasNoPhase() {
    RemediationApprovalRequest rar = new RemediationApprovalRequest();
    rar.setMetadata(new ObjectMetaBuilder().withName("rar-x").withResourceVersion("5").build());

    assertThat(ChildStatusMapper.map(rar).phase()).isNull();

    RemediationApprovalRequestStatus status = new RemediationApprovalRequestStatus();
    status.setDecision(ApprovalDecision.REJECTED);
    status.setDecidedBy("bob");
    status.setDecisionMessage("too risky");
    rar.setStatus(status);

    ChildStatus decided = ChildStatusMapper.map(rar);
    assertThat(decided.phase()).isEqualTo("Rejected");
    assertThat(decided.approval().decidedBy()).isEqualTo("bob");
    assertThat(decided.resourceVersion()).isEqualTo("5");
  }

  @Test
  void mapsTheExecutionFailure() {
    WorkflowExecution we = new WorkflowExecution();
    we.setMetadata(new ObjectMetaBuilder().withName("we-x").build());
    WorkflowExecutionStatus status = new WorkflowExecutionStatus();
    status.setPhase(WorkflowExecutionPhase.FAILED);
    status.setStepsCompleted(2);
    status.setTotalSteps(4);
    status.setFailedStep(3);
    status.setFailedAction("scale");
    status.setErrorType("Timeout");
    status.setFailureReason("timed out");
    we.setStatus(status);

    ChildStatus s = ChildStatusMapper.map(we);

    assertThat(s.phase()).isEqualTo("Failed");
    assertThat(s.execution())
        .isEqualTo(new ChildStatus.Execution(2, 4, 3, "scale", "Timeout", "timed out", null, null));
  }
}
