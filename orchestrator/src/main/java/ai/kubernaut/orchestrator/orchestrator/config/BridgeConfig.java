package ai.kubernaut.orchestrator.orchestrator.config;

import java.time.Duration;

/** The CRD bridge: signal fan-out, informer resync, leader election. */
public record BridgeConfig(
    int signalThreads,
    Duration resyncPeriod,
    Duration driftPeriod,
    LeaderElectionConfig leaderElection) {}
