package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import io.temporal.activity.ActivityInterface;

/** Reads the RR and checks its whole spec (SPEC §2.1, §3 Pending). */
@ActivityInterface
public interface ValidationActivities {

  /**
   * Invalid input is a result, not a failure. Throws a non-retryable {@link
   * FailureTypes#REMEDIATION_REQUEST_GONE} when the RR no longer exists.
   */
  ValidationResult validateRemediation(RemediationRef rr);
}
