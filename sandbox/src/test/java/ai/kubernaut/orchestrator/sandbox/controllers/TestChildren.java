package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPriority;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationType;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalContext;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalData;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Fixtures for the controller tests: an RR and children as the orchestrator would create them. */
final class TestChildren {

  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final ControllerConfig CONFIG =
      ControllerConfig.defaults().withStepDelay(Duration.ofMillis(300)).withClock(CLOCK);
  static final String FINGERPRINT = "a".repeat(64);

  private TestChildren() {}

  static TargetResource target(String kind, String namespace, String name) {
    TargetResource target = new TargetResource();
    target.setKind(kind);
    target.setNamespace(namespace);
    target.setName(name);
    return target;
  }

  static RemediationRequest rr(String namespace, String name, Map<String, String> annotations) {
    RemediationRequest rr = new RemediationRequest();
    rr.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withAnnotations(annotations)
            .build());
    RemediationRequestSpec spec = new RemediationRequestSpec();
    spec.setSignalFingerprint(FINGERPRINT);
    spec.setSignalName("OOMKilled");
    spec.setSeverity("critical");
    spec.setTargetResource(target("Pod", namespace, "api-7d9f8c6b5-x2x9q"));
    rr.setSpec(spec);
    return rr;
  }

  /** Owner reference, RR ref and label, as the orchestrator sets them. */
  private static ObjectMeta childMeta(String namespace, String name, String rr, boolean owned) {
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withLabels(Labels.forRemediationRequest(rr));
    if (owned) {
      meta.withOwnerReferences(
          new OwnerReferenceBuilder()
              .withApiVersion(KubernautCrds.API_VERSION)
              .withKind("RemediationRequest")
              .withName(rr)
              .withUid(UUID.nameUUIDFromBytes(rr.getBytes()).toString())
              .withController(true)
              .build());
    }
    return meta.build();
  }

  static ObjectReference rrRef(String namespace, String rr) {
    return new ObjectReferenceBuilder()
        .withApiVersion(KubernautCrds.API_VERSION)
        .withKind("RemediationRequest")
        .withNamespace(namespace)
        .withName(rr)
        .build();
  }

  static SignalProcessing sp(String namespace, String rr) {
    SignalProcessing sp = new SignalProcessing();
    sp.setMetadata(childMeta(namespace, "sp-" + rr, rr, true));
    SignalProcessingSpec spec = new SignalProcessingSpec();
    spec.setRemediationRequestRef(rrRef(namespace, rr));
    SignalData signal = new SignalData();
    signal.setFingerprint(FINGERPRINT);
    signal.setName("OOMKilled");
    signal.setSeverity("critical");
    signal.setTargetResource(target("Pod", "payments", "api-7d9f8c6b5-x2x9q"));
    signal.setLabels(Map.of("environment", "staging"));
    spec.setSignal(signal);
    sp.setSpec(spec);
    return sp;
  }

  static AIAnalysis ai(String namespace, String name, String rr) {
    AIAnalysis ai = new AIAnalysis();
    ai.setMetadata(childMeta(namespace, name, rr, true));
    AIAnalysisSpec spec = new AIAnalysisSpec();
    spec.setRemediationRequestRef(rrRef(namespace, rr));
    SignalContext signal = new SignalContext();
    signal.setFingerprint(FINGERPRINT);
    signal.setSignalName("OOMKilled");
    signal.setSeverity("critical");
    signal.setEnvironment("prod");
    signal.setPriority("P0");
    signal.setTargetResource(target("Deployment", "payments", "api"));
    spec.setSignalContext(signal);
    spec.setAnalysisTypes(List.of("investigation", "root-cause", "workflow-selection"));
    ai.setSpec(spec);
    return ai;
  }

  static AIAnalysis recoveryAi(String namespace, String rr, int attempt) {
    AIAnalysis ai = ai(namespace, "ai-" + rr + "-recovery-" + attempt, rr);
    ai.getSpec().setIsRecoveryAttempt(true);
    ai.getSpec().setRecoveryAttemptNumber(attempt);
    ai.getSpec().setFailedStep(2);
    ai.getSpec().setFailureReason("step 2 (increase-memory-limit) exited with code 1");
    return ai;
  }

  static RemediationApprovalRequest rar(String namespace, String rr) {
    RemediationApprovalRequest rar = new RemediationApprovalRequest();
    rar.setMetadata(childMeta(namespace, "rar-" + rr, rr, true));
    RemediationApprovalRequestSpec spec = new RemediationApprovalRequestSpec();
    spec.setRemediationRequestRef(rrRef(namespace, rr));
    spec.setConfidence(0.68);
    spec.setReason("confidence below threshold");
    spec.setRequiredBy("2099-01-01T00:00:00Z");
    rar.setSpec(spec);
    return rar;
  }

  static WorkflowExecution we(String namespace, String name, String rr) {
    WorkflowExecution we = new WorkflowExecution();
    we.setMetadata(childMeta(namespace, name, rr, true));
    WorkflowExecutionSpec spec = new WorkflowExecutionSpec();
    spec.setRemediationRequestRef(rrRef(namespace, rr));
    WorkflowRef ref = new WorkflowRef();
    ref.setWorkflowId("increase-memory-limit");
    ref.setVersion("1.0.0");
    spec.setWorkflowRef(ref);
    spec.setTargetResource(target("Deployment", "payments", "api"));
    spec.setParameters(Map.of("TARGET_NAME", "api"));
    spec.setConfidence(0.92);
    we.setSpec(spec);
    return we;
  }

  static NotificationRequest nr(String namespace, String rr) {
    NotificationRequest nr = new NotificationRequest();
    nr.setMetadata(childMeta(namespace, "nr-completion-" + rr, rr, false));
    NotificationRequestSpec spec = new NotificationRequestSpec();
    spec.setType(NotificationType.COMPLETION);
    spec.setPriority(NotificationPriority.LOW);
    spec.setSubject("Remediation completed: OOMKilled on Deployment payments/api");
    spec.setBody("Workflow increase-memory-limit completed.");
    spec.setRemediationRequestRef(rrRef(namespace, rr));
    nr.setSpec(spec);
    return nr;
  }

  static StepContext context(Script script) {
    return StepContext.of(script, Optional.empty(), NOW, CONFIG.stepDelay());
  }

  static StepContext context(Script script, RemediationRequest rr) {
    return StepContext.of(script, Optional.of(rr), NOW, CONFIG.stepDelay());
  }

  /**
   * Applies {@code controller}'s steps to {@code resource} until there is none, and returns the
   * state after each step.
   */
  static <T extends HasMetadata> List<String> drive(
      ScriptedController<T> controller, T resource, StepContext context) {
    return drive(controller, resource, context, controller::state);
  }

  static <T extends HasMetadata, V> List<V> drive(
      ScriptedController<T> controller,
      T resource,
      StepContext context,
      Function<T, V> observation) {
    List<V> observed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      if (controller.isFinished(resource)) {
        return observed;
      }
      Optional<Step<T>> step = controller.next(resource, context);
      if (step.isEmpty()) {
        return observed;
      }
      step.get().write().accept(resource);
      step.get().afterWrite().accept(resource);
      observed.add(observation.apply(resource));
    }
    throw new AssertionError("no end after 50 steps");
  }
}
