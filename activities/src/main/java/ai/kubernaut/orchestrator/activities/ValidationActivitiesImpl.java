package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestValidator;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import ai.kubernaut.orchestrator.workflows.model.Violation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the RR and validates its whole spec with the api's {@link RemediationRequestValidator}.
 * Invalid input is a result naming each field; a gone RR is a non-retryable failure.
 */
public final class ValidationActivitiesImpl implements ValidationActivities {

  private static final Logger LOG = LoggerFactory.getLogger(ValidationActivitiesImpl.class);

  private final KubeResources kube;

  public ValidationActivitiesImpl(KubernetesClient client) {
    this(client, RemediationLookup.NONE);
  }

  /**
   * Reads the RR from {@code cache} when it holds it (the spec is immutable, so a cached copy
   * validates the same), else from the API server.
   */
  public ValidationActivitiesImpl(KubernetesClient client, RemediationLookup cache) {
    this.kube = new KubeResources(client, cache);
  }

  @Override
  public ValidationResult validateRemediation(RemediationRef ref) {
    RemediationRequest rr = kube.requireRemediation(ref);
    List<Violation> violations =
        RemediationRequestValidator.validate(rr).stream()
            .map(v -> new Violation(v.field(), v.reason()))
            .toList();
    if (!violations.isEmpty()) {
      LOG.info(
          "RR spec is invalid: {} violation(s), first on {}",
          violations.size(),
          violations.get(0).field());
      return new ValidationResult(violations, null, null);
    }
    Integer maxAttempts =
        rr.getSpec().getRecoveryConfig() == null
            ? null
            : rr.getSpec().getRecoveryConfig().getMaxAttempts();
    return new ValidationResult(List.of(), overrides(rr.getSpec().getTimeoutConfig()), maxAttempts);
  }

  static TimeoutOverrides overrides(TimeoutConfig config) {
    if (config == null) {
      return TimeoutOverrides.none();
    }
    return new TimeoutOverrides(
        parse("processing", config.getProcessing()),
        parse("analyzing", config.getAnalyzing()),
        parse("awaitingApproval", config.getAwaitingApproval()),
        parse("executing", config.getExecuting()),
        parse("recovering", config.getRecovering()),
        parse("global", config.getGlobal()));
  }

  private static Duration parse(String field, String value) {
    return value == null ? null : GoDuration.parse("spec.timeoutConfig." + field, value);
  }
}
