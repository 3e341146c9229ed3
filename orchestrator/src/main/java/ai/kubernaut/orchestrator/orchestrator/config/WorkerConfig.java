package ai.kubernaut.orchestrator.orchestrator.config;

/** Temporal worker concurrency. */
public record WorkerConfig(int maxConcurrentWorkflowTasks, int maxConcurrentActivities) {}
