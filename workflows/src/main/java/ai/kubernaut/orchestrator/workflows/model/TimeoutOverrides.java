package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/** Per-RR timeout overrides (spec.timeoutConfig) after validation; null means "use the default". */
public record TimeoutOverrides(
    Duration processing,
    Duration analyzing,
    Duration awaitingApproval,
    Duration executing,
    Duration global) {

  public static TimeoutOverrides none() {
    return new TimeoutOverrides(null, null, null, null, null);
  }
}
