package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * Operator-configured defaults fixed for the whole run (the bridge copies them from the
 * orchestrator configuration at start), so a configuration change never alters a running workflow's
 * history. A null component means "the default" (see {@link #defaults()}), so a payload written by
 * an older version still starts. Inputs recorded before carry a {@code continueAsNewAfterEvents}
 * component; it is ignored (the threshold is a worker setting now, see {@code
 * RemediationWorkflowImpl}).
 *
 * @param terminationRateThreshold a recovery is refused when the cluster-wide ratio of failed or
 *     timed-out remediations in {@code terminationRateWindow} is at or above this (SPEC §3: 10 %)
 * @param retention status.retentionExpiryTime = completionTime + retention
 * @param routing the routing thresholds of SPEC §5 (cooldown 5m, 3 consecutive failures, block 1h);
 *     see {@link RoutingPolicy}
 * @param resourceBusyRetry how long a remediation whose WorkflowExecution reported Skipped with
 *     ResourceBusy stays Blocked before it queues for the target's lock again (30s)
 */
public record RemediationSettings(
    PhaseTimeouts defaultTimeouts,
    Integer defaultMaxRecoveryAttempts,
    Double terminationRateThreshold,
    Duration terminationRateWindow,
    Duration retention,
    String temporalUiBaseUrl,
    RoutingPolicy routing,
    Duration resourceBusyRetry) {

  public RemediationSettings {
    defaultTimeouts = defaultTimeouts == null ? PhaseTimeouts.defaults() : defaultTimeouts;
    defaultMaxRecoveryAttempts =
        defaultMaxRecoveryAttempts == null ? 3 : defaultMaxRecoveryAttempts;
    terminationRateThreshold = terminationRateThreshold == null ? 0.10 : terminationRateThreshold;
    terminationRateWindow =
        terminationRateWindow == null ? Duration.ofHours(1) : terminationRateWindow;
    retention = retention == null ? Duration.ofHours(24) : retention;
    routing = routing == null ? RoutingPolicy.defaults() : routing;
    resourceBusyRetry = resourceBusyRetry == null ? Duration.ofSeconds(30) : resourceBusyRetry;
  }

  /**
   * The original five settings; the termination rate window (1h), routing and the ResourceBusy
   * retry take their defaults.
   */
  public RemediationSettings(
      PhaseTimeouts defaultTimeouts,
      Integer defaultMaxRecoveryAttempts,
      Double terminationRateThreshold,
      Duration retention,
      String temporalUiBaseUrl) {
    this(
        defaultTimeouts,
        defaultMaxRecoveryAttempts,
        terminationRateThreshold,
        null,
        retention,
        temporalUiBaseUrl,
        null,
        null);
  }

  public static RemediationSettings defaults() {
    return new RemediationSettings(null, null, null, null, null, null, null, null);
  }

  /**
   * The routing thresholds as the orchestrator configuration holds them ({@code RoutingConfig});
   * null keeps the default of that component.
   */
  public RemediationSettings withRouting(
      Duration recentlyRemediatedCooldown,
      Integer consecutiveFailureThreshold,
      Duration consecutiveFailureBlock) {
    return withRoutingPolicy(
        new RoutingPolicy(
            recentlyRemediatedCooldown,
            consecutiveFailureThreshold,
            consecutiveFailureBlock,
            routing.duplicateSettleWindow(),
            routing.failureMemory()));
  }

  public RemediationSettings withRoutingPolicy(RoutingPolicy policy) {
    return new RemediationSettings(
        defaultTimeouts,
        defaultMaxRecoveryAttempts,
        terminationRateThreshold,
        terminationRateWindow,
        retention,
        temporalUiBaseUrl,
        policy,
        resourceBusyRetry);
  }
}
