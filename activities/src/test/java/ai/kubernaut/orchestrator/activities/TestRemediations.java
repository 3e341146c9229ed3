package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.EnrichmentSummary;
import ai.kubernaut.orchestrator.api.v1alpha1.RecoveryConfig;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Test fixtures: {@code rr("disk-full").withTarget(..).build()} so a test changes one field, and
 * one status fixture per child outcome.
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

  /** A SignalProcessing that completed with this classification and an enrichment summary. */
  public static SignalProcessing spCompleted(String name, String env, String priority) {
    SignalProcessing sp = new SignalProcessing();
    sp.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    SignalProcessingStatus status = new SignalProcessingStatus();
    status.setPhase(SignalProcessingPhase.COMPLETED);
    status.setEnvironment(env);
    status.setPriority(priority);
    EnrichmentSummary enrichment = new EnrichmentSummary();
    enrichment.setSummary("deployment web, 3 replicas, owned by team-a");
    enrichment.setNamespaceLabels(Map.of("team", "a"));
    enrichment.setOwnerChain(List.of("Deployment/web", "ReplicaSet/web-1"));
    status.setEnrichment(enrichment);
    sp.setStatus(status);
    return sp;
  }

  /** An AIAnalysis that completed and selected {@code workflowId}. */
  public static AIAnalysis aiCompleted(String name, String workflowId, boolean approvalRequired) {
    AIAnalysis ai = new AIAnalysis();
    ai.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace("default")
            .withUid(UUID.randomUUID().toString())
            .build());
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
    ai.setStatus(status);
    return ai;
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
