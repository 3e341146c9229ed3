package ai.kubernaut.orchestrator.orchestrator.config;

import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import java.time.Duration;

/** Defaults applied to every RemediationRequest unless its spec overrides them (SPEC §3). */
public record RemediationDefaults(
    PhaseTimeouts timeouts,
    int maxRecoveryAttempts,
    double terminationRateThreshold,
    Duration retention) {}
