package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * The routing thresholds one remediation carries to the coordination workflows (from {@link
 * RemediationSettings}); null components take the defaults.
 *
 * @param recentlyRemediatedCooldown the same workflow on the same target completed less than this
 *     ago → Skipped/RecentlyRemediated (5m)
 * @param consecutiveFailureThreshold this many failed remediations in a row for a fingerprint and
 *     target → the next one is Blocked (3)
 * @param consecutiveFailureBlock how long that block lasts before the remediation fails (1h)
 * @param duplicateSettleWindow registrations for a fingerprint with no owner are collected until
 *     creationTimestamp + this (at most this long) before the winner is chosen, so RRs created in
 *     the same second are decided by the tie-break and not by arrival order (2s; 0 = arrival order)
 * @param failureMemory an idle coordinator forgets a failure streak after this long (24h)
 */
public record RoutingPolicy(
    Duration recentlyRemediatedCooldown,
    Integer consecutiveFailureThreshold,
    Duration consecutiveFailureBlock,
    Duration duplicateSettleWindow,
    Duration failureMemory) {

  public RoutingPolicy {
    recentlyRemediatedCooldown =
        recentlyRemediatedCooldown == null ? Duration.ofMinutes(5) : recentlyRemediatedCooldown;
    consecutiveFailureThreshold =
        consecutiveFailureThreshold == null ? 3 : consecutiveFailureThreshold;
    consecutiveFailureBlock =
        consecutiveFailureBlock == null ? Duration.ofHours(1) : consecutiveFailureBlock;
    duplicateSettleWindow =
        duplicateSettleWindow == null ? Duration.ofSeconds(2) : duplicateSettleWindow;
    failureMemory = failureMemory == null ? Duration.ofHours(24) : failureMemory;
  }

  public static RoutingPolicy defaults() {
    return new RoutingPolicy(null, null, null, null, null);
  }
}
