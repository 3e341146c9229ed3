package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.EnrichmentSummary;
import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RecoveryConfig;
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
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The CR fixtures of the activities' and the CRD bridge's tests: {@code
 * rr("disk-full").withPriority(..).build()} so a test changes one field, the children an RR owns,
 * and one status per child outcome.
 */
public final class TestRemediations {

  public static final String FINGERPRINT =
      "a3f5c8e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6";

  private TestRemediations() {}

  public static RrBuilder rr(String name) {
    return new RrBuilder(name);
  }

  public static RemediationRef ref(RemediationRequest rr) {
    return new RemediationRef(
        rr.getMetadata().getNamespace(), rr.getMetadata().getName(), rr.getMetadata().getUid());
  }

  /**
   * A minimal RR as a client creates it: no uid (the API server gives one), its target in its own
   * namespace.
   */
  public static RemediationRequest rr(String namespace, String name) {
    RemediationRequest rr = rr(name).inNamespace(namespace).build();
    rr.getMetadata().setUid(null);
    rr.getSpec().getTargetResource().setNamespace(namespace);
    return rr;
  }

  public static RemediationRequest withTimeouts(RemediationRequest rr, String processing) {
    TimeoutConfig t = new TimeoutConfig();
    t.setProcessing(processing);
    rr.getSpec().setTimeoutConfig(t);
    return rr;
  }

  /** Gives {@code child} a controller ownerReference to {@code owner} and the RR label. */
  public static <T extends HasMetadata> T ownedBy(T child, RemediationRequest owner, String name) {
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
  public static NotificationRequest notification(RemediationRequest rr, String name) {
    NotificationRequest nr = new NotificationRequest();
    nr.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(rr.getMetadata().getNamespace())
            .withName(name)
            .withLabels(Map.of(Labels.REMEDIATION_REQUEST, rr.getMetadata().getName()))
            .build());
    return nr;
  }

  public static <T extends HasMetadata> T version(T child, String resourceVersion) {
    child.getMetadata().setResourceVersion(resourceVersion);
    return child;
  }

  public static SignalProcessing sp(String namespace, String name, SignalProcessingStatus status) {
    SignalProcessing sp = new SignalProcessing();
    sp.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    sp.setStatus(status);
    return sp;
  }

  public static SignalProcessingStatus spStatus(SignalProcessingPhase phase) {
    SignalProcessingStatus s = new SignalProcessingStatus();
    s.setPhase(phase);
    return s;
  }

  /** A SignalProcessing that completed with this classification and an enrichment summary. */
  public static SignalProcessing spCompleted(String name, String env, String priority) {
    return sp("default", name, spCompletedStatus(env, priority));
  }

  public static SignalProcessingStatus spCompletedStatus(String env, String priority) {
    SignalProcessingStatus status = spStatus(SignalProcessingPhase.COMPLETED);
    status.setEnvironment(env);
    status.setPriority(priority);
    EnrichmentSummary enrichment = new EnrichmentSummary();
    enrichment.setSummary("deployment web, 3 replicas, owned by team-a");
    enrichment.setNamespaceLabels(Map.of("team", "a"));
    enrichment.setOwnerChain(List.of("Deployment/web", "ReplicaSet/web-1"));
    status.setEnrichment(enrichment);
    return status;
  }

  public static AIAnalysis ai(String namespace, String name, AIAnalysisStatus status) {
    AIAnalysis ai = new AIAnalysis();
    ai.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    ai.setStatus(status);
    return ai;
  }

  /** An AIAnalysis that completed and selected {@code workflowId}. */
  public static AIAnalysis aiCompleted(String name, String workflowId, boolean approvalRequired) {
    AIAnalysis ai = ai("default", name, aiCompletedStatus(workflowId, approvalRequired));
    ai.getMetadata().setUid(UUID.randomUUID().toString());
    return ai;
  }

  public static AIAnalysisStatus aiCompletedStatus(String workflowId, boolean approvalRequired) {
    AIAnalysisStatus status = new AIAnalysisStatus();
    status.setPhase(AIAnalysisPhase.COMPLETED);
    status.setConfidence(0.72);
    status.setRootCause("memory leak in the cache layer");
    SelectedWorkflow selected = new SelectedWorkflow();
    selected.setWorkflowId(workflowId);
    selected.setVersion("1.2.0");
    selected.setExecutionBundle("quay.io/kubernaut/restart:1.2.0");
    selected.setParameters(new LinkedHashMap<>(Map.of("replicas", "3")));
    selected.setRationale("restarting clears the leaked memory");
    status.setSelectedWorkflow(selected);
    status.setApprovalRequired(approvalRequired);
    if (approvalRequired) {
      status.setApprovalReason("confidence below 0.8");
      ApprovalContext context = new ApprovalContext();
      context.setInvestigationSummary("heap grows 50 MiB/h since release 4.2");
      status.setApprovalContext(context);
    }
    return status;
  }

  public static RemediationApprovalRequest rar(
      String namespace, String name, RemediationApprovalRequestStatus status) {
    RemediationApprovalRequest rar = new RemediationApprovalRequest();
    rar.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    rar.setStatus(status);
    return rar;
  }

  public static RemediationApprovalRequestStatus decided(ApprovalDecision decision, String by) {
    RemediationApprovalRequestStatus s = new RemediationApprovalRequestStatus();
    s.setDecision(decision);
    s.setDecidedBy(by);
    return s;
  }

  public static WorkflowExecution we(
      String namespace, String name, WorkflowExecutionStatus status) {
    WorkflowExecution we = new WorkflowExecution();
    we.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    we.setStatus(status);
    return we;
  }

  public static WorkflowExecutionStatus weRunning(int stepsCompleted, int totalSteps) {
    WorkflowExecutionStatus s = new WorkflowExecutionStatus();
    s.setPhase(WorkflowExecutionPhase.RUNNING);
    s.setStepsCompleted(stepsCompleted);
    s.setTotalSteps(totalSteps);
    return s;
  }

  public static WorkflowExecutionStatus weFailed(int step, String errorType) {
    WorkflowExecutionStatus s = new WorkflowExecutionStatus();
    s.setPhase(WorkflowExecutionPhase.FAILED);
    s.setFailedStep(step);
    s.setErrorType(errorType);
    s.setFailedAction("scale");
    return s;
  }

  /** Builds a valid RR; each {@code with} changes one thing. */
  public static final class RrBuilder {
    private final RemediationRequest rr = new RemediationRequest();

    RrBuilder(String name) {
      rr.setMetadata(
          new ObjectMetaBuilder()
              .withName(name)
              .withNamespace("default")
              .withUid(UUID.randomUUID().toString())
              .withGeneration(1L)
              .build());
      RemediationRequestSpec spec = new RemediationRequestSpec();
      spec.setSignalFingerprint(FINGERPRINT);
      spec.setSignalName("HighMemoryUsage");
      spec.setSeverity("critical");
      spec.setSignalType("prometheus");
      spec.setSignalSource("alertmanager");
      TargetResource target = new TargetResource();
      target.setKind("Deployment");
      target.setName("web");
      target.setNamespace("shop");
      target.setApiVersion("apps/v1");
      spec.setTargetResource(target);
      spec.setClusterID("eu-1");
      spec.setFiringTime("2025-01-31T10:15:00Z");
      spec.setReceivedTime("2025-01-31T10:15:02Z");
      spec.setSignalLabels(new LinkedHashMap<>(Map.of("alertname", "HighMemoryUsage")));
      spec.setSignalAnnotations(new LinkedHashMap<>(Map.of("summary", "memory above 90%")));
      spec.setProviderData("{\"value\":\"0.93\"}");
      rr.setSpec(spec);
    }

    public RrBuilder inNamespace(String namespace) {
      rr.getMetadata().setNamespace(namespace);
      return this;
    }

    public RrBuilder withEnvironment(String environment) {
      rr.getSpec().setEnvironment(environment);
      return this;
    }

    public RrBuilder withPriority(String priority) {
      rr.getSpec().setPriority(priority);
      return this;
    }

    public RrBuilder withTimeouts(Consumer<TimeoutConfig> timeouts) {
      TimeoutConfig config = new TimeoutConfig();
      timeouts.accept(config);
      rr.getSpec().setTimeoutConfig(config);
      return this;
    }

    public RrBuilder withMaxRecoveryAttempts(int attempts) {
      RecoveryConfig recovery = new RecoveryConfig();
      recovery.setMaxAttempts(attempts);
      rr.getSpec().setRecoveryConfig(recovery);
      return this;
    }

    public RrBuilder with(Consumer<RemediationRequestSpec> change) {
      change.accept(rr.getSpec());
      return this;
    }

    public RemediationRequest build() {
      return rr;
    }
  }
}
