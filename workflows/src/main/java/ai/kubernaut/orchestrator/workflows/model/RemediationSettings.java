package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * Operator-configured defaults fixed for the whole run (the bridge copies them from the
 * orchestrator configuration at start), so a configuration change never alters a running workflow's
 * history. A null component means "the default" (see {@link #defaults()}), so a payload written by
 * an older version still starts.
 *
 * @param terminationRateThreshold a recovery is refused when the cluster-wide ratio of failed or
 *     timed-out remediations in {@code terminationRateWindow} is at or above this (SPEC §3: 10 %)
 * @param retention status.retentionExpiryTime = completionTime + retention
 * @param continueAsNewAfterEvents continue as new once the history has this many events (0 = only
 *     when Temporal suggests it); tests force continue-as-new with a small value
 */
public record RemediationSettings(
    PhaseTimeouts defaultTimeouts,
    Integer defaultMaxRecoveryAttempts,
    Double terminationRateThreshold,
    Duration terminationRateWindow,
    Duration retention,
    String temporalUiBaseUrl,
    Long continueAsNewAfterEvents) {

  public RemediationSettings {
    defaultTimeouts = defaultTimeouts == null ? PhaseTimeouts.defaults() : defaultTimeouts;
    defaultMaxRecoveryAttempts =
        defaultMaxRecoveryAttempts == null ? 3 : defaultMaxRecoveryAttempts;
    terminationRateThreshold = terminationRateThreshold == null ? 0.10 : terminationRateThreshold;
    terminationRateWindow =
        terminationRateWindow == null ? Duration.ofHours(1) : terminationRateWindow;
    retention = retention == null ? Duration.ofHours(24) : retention;
    continueAsNewAfterEvents = continueAsNewAfterEvents == null ? 0L : continueAsNewAfterEvents;
  }

  public static RemediationSettings defaults() {
    return new RemediationSettings(null, null, null, null, null, null, null);
  }

  public RemediationSettings withDefaultTimeouts(PhaseTimeouts timeouts) {
    return new RemediationSettings(
        timeouts,
        defaultMaxRecoveryAttempts,
        terminationRateThreshold,
        terminationRateWindow,
        retention,
        temporalUiBaseUrl,
        continueAsNewAfterEvents);
  }

  public RemediationSettings withDefaultMaxRecoveryAttempts(int attempts) {
    return new RemediationSettings(
        defaultTimeouts,
        attempts,
        terminationRateThreshold,
        terminationRateWindow,
        retention,
        temporalUiBaseUrl,
        continueAsNewAfterEvents);
  }

  public RemediationSettings withContinueAsNewAfterEvents(long events) {
    return new RemediationSettings(
        defaultTimeouts,
        defaultMaxRecoveryAttempts,
        terminationRateThreshold,
        terminationRateWindow,
        retention,
        temporalUiBaseUrl,
        events);
  }
}
