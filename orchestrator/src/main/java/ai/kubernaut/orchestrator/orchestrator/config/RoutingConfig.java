package ai.kubernaut.orchestrator.orchestrator.config;

import java.time.Duration;

/**
 * Routing thresholds (SPEC §5) and the duplicate settle window: registrations for a fingerprint
 * with no owner wait until the RR's creationTimestamp plus this window before a winner is chosen
 * (zero: arrival order). Every remediation's pickup includes that wait (docs/performance.md).
 */
public record RoutingConfig(
    Duration recentlyRemediatedCooldown,
    int consecutiveFailureThreshold,
    Duration consecutiveFailureBlock,
    Duration duplicateSettleWindow) {}
