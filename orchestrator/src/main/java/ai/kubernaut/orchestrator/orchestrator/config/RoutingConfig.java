package ai.kubernaut.orchestrator.orchestrator.config;

import java.time.Duration;

/** Routing thresholds (SPEC §5). */
public record RoutingConfig(
    Duration recentlyRemediatedCooldown,
    int consecutiveFailureThreshold,
    Duration consecutiveFailureBlock) {}
