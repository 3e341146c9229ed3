package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Map;

/** Static fixtures: an RR, its children, and one status per child outcome. */
final class TestRemediations {

  static final String FINGERPRINT = "a".repeat(64);

  private TestRemediations() {}

  static RemediationRequest rr(String namespace, String name) {
    RemediationRequest rr = new RemediationRequest();
    rr.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    RemediationRequestSpec spec = new RemediationRequestSpec();
    spec.setSignalFingerprint(FINGERPRINT);
    spec.setSignalName("HighMemoryUsage");
    spec.setSeverity("critical");
    TargetResource target = new TargetResource();
    target.setKind("Deployment");
    target.setName("web");
    target.setNamespace(namespace);
    spec.setTargetResource(target);
    rr.setSpec(spec);
    return rr;
  }

  static RemediationRequest withTimeouts(RemediationRequest rr, String processing) {
    TimeoutConfig t = new TimeoutConfig();
    t.setProcessing(processing);
    rr.getSpec().setTimeoutConfig(t);
    return rr;
  }

  /** Gives {@code child} a controller ownerReference to {@code owner} and the RR label. */
  static <T extends HasMetadata> T ownedBy(T child, RemediationRequest owner, String name) {
    child.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(owner.getMetadata().getNamespace())
            .withName(name)
            .withLabels(Map.of(Labels.REMEDIATION_REQUEST, owner.getMetadata().getName()))
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(KubernautCrds.API_VERSION)
                    .withKind("RemediationRequest")
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build());
    return child;
  }

  /** A NotificationRequest: not owned, tied to the RR by label only. */
  static NotificationRequest notification(RemediationRequest rr, String name) {
    NotificationRequest nr = new NotificationRequest();
    nr.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(rr.getMetadata().getNamespace())
            .withName(name)
            .withLabels(Map.of(Labels.REMEDIATION_REQUEST, rr.getMetadata().getName()))
            .build());
    return nr;
  }

  static <T extends HasMetadata> T version(T child, String resourceVersion) {
    child.getMetadata().setResourceVersion(resourceVersion);
    return child;
  }

  static SignalProcessing sp(String namespace, String name, SignalProcessingStatus status) {
    SignalProcessing sp = new SignalProcessing();
    sp.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    sp.setStatus(status);
    return sp;
  }

  static SignalProcessingStatus spStatus(SignalProcessingPhase phase) {
    SignalProcessingStatus s = new SignalProcessingStatus();
    s.setPhase(phase);
    return s;
  }

  static SignalProcessingStatus spCompleted(String environment, String priority) {
    SignalProcessingStatus s = spStatus(SignalProcessingPhase.COMPLETED);
    s.setEnvironment(environment);
    s.setPriority(priority);
    return s;
  }

  static AIAnalysis ai(String namespace, String name, AIAnalysisStatus status) {
    AIAnalysis ai = new AIAnalysis();
    ai.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    ai.setStatus(status);
    return ai;
  }

  static AIAnalysisStatus aiCompleted(String workflowId, boolean approvalRequired) {
    AIAnalysisStatus s = new AIAnalysisStatus();
    s.setPhase(AIAnalysisPhase.COMPLETED);
    SelectedWorkflow selected = new SelectedWorkflow();
    selected.setWorkflowId(workflowId);
    selected.setVersion("1.0.0");
    s.setSelectedWorkflow(selected);
    s.setApprovalRequired(approvalRequired);
    s.setConfidence(0.9);
    return s;
  }

  static RemediationApprovalRequest rar(
      String namespace, String name, RemediationApprovalRequestStatus status) {
    RemediationApprovalRequest rar = new RemediationApprovalRequest();
    rar.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    rar.setStatus(status);
    return rar;
  }

  static RemediationApprovalRequestStatus decided(ApprovalDecision decision, String by) {
    RemediationApprovalRequestStatus s = new RemediationApprovalRequestStatus();
    s.setDecision(decision);
    s.setDecidedBy(by);
    return s;
  }

  static WorkflowExecution we(String namespace, String name, WorkflowExecutionStatus status) {
    WorkflowExecution we = new WorkflowExecution();
    we.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    we.setStatus(status);
    return we;
  }

  static WorkflowExecutionStatus weRunning(int stepsCompleted, int totalSteps) {
    WorkflowExecutionStatus s = new WorkflowExecutionStatus();
    s.setPhase(WorkflowExecutionPhase.RUNNING);
    s.setStepsCompleted(stepsCompleted);
    s.setTotalSteps(totalSteps);
    return s;
  }

  static WorkflowExecutionStatus weFailed(int step, String errorType) {
    WorkflowExecutionStatus s = new WorkflowExecutionStatus();
    s.setPhase(WorkflowExecutionPhase.FAILED);
    s.setFailedStep(step);
    s.setErrorType(errorType);
    s.setFailedAction("scale");
    return s;
  }
}
