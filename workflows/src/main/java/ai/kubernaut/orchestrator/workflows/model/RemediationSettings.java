package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * Operator-configured defaults fixed for the whole run (the bridge copies them from the
 * orchestrator configuration at start), so a configuration change never alters a running workflow's
 * history.
 */
public record RemediationSettings(
    PhaseTimeouts defaultTimeouts,
    int defaultMaxRecoveryAttempts,
    double terminationRateThreshold,
    Duration retention,
    String temporalUiBaseUrl) {

  public static RemediationSettings defaults() {
    return new RemediationSettings(PhaseTimeouts.defaults(), 3, 0.10, Duration.ofHours(24), null);
  }
}
