package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.api.v1alpha1.Timestamps;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Builds a workflow's start input from an RR. Pure, and it does not judge: a missing or bad field
 * is copied as it is (or as null), and the workflow's validation turns it into
 * Failed/Configuration.
 */
public final class RemediationInputMapper {

  private RemediationInputMapper() {}

  public static RemediationInput map(RemediationRequest rr, RemediationSettings settings) {
    ObjectMeta meta = rr.getMetadata();
    return RemediationInput.start(
        ref(rr),
        Timestamps.parse(meta.getCreationTimestamp()).orElse(null),
        snapshot(rr.getSpec()),
        settings);
  }

  public static RemediationRef ref(RemediationRequest rr) {
    ObjectMeta meta = rr.getMetadata();
    return new RemediationRef(meta.getNamespace(), meta.getName(), meta.getUid());
  }

  /** The spec fields the workflow needs; never the raw payloads (they stay in Kubernetes). */
  public static RemediationSnapshot snapshot(RemediationRequestSpec spec) {
    if (spec == null) {
      return new RemediationSnapshot(null, null, null, null, null, null, null, null, null, null);
    }
    TimeoutConfig t = spec.getTimeoutConfig();
    return new RemediationSnapshot(
        spec.getSignalFingerprint(),
        spec.getSignalName(),
        spec.getSeverity(),
        spec.getSignalType(),
        spec.effectiveTargetType().value(),
        target(spec.getTargetResource()),
        spec.getEnvironment(),
        spec.getPriority(),
        t == null
            ? null
            : new RemediationSnapshot.RawTimeoutConfig(
                t.getProcessing(),
                t.getAnalyzing(),
                t.getAwaitingApproval(),
                t.getExecuting(),
                t.getGlobal()),
        spec.getRecoveryConfig() == null ? null : spec.getRecoveryConfig().getMaxAttempts());
  }

  private static TargetRef target(TargetResource t) {
    return t == null
        ? null
        : new TargetRef(t.getKind(), t.getName(), t.getNamespace(), t.getApiVersion());
  }
}
