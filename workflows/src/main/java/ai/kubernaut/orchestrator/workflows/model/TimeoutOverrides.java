package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * Per-RR timeout overrides (spec.timeoutConfig) after validation; null means "use the default".
 * {@code recovering} is null in results recorded before it was carried (then the analyzing override
 * applies to Recovering, as it did).
 */
public record TimeoutOverrides(
    Duration processing,
    Duration analyzing,
    Duration awaitingApproval,
    Duration executing,
    Duration recovering,
    Duration global) {

  public static TimeoutOverrides none() {
    return new TimeoutOverrides(null, null, null, null, null, null);
  }
}
