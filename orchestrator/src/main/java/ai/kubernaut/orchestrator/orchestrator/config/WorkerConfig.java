package ai.kubernaut.orchestrator.orchestrator.config;

/**
 * Temporal worker concurrency and cache (sizing rule: docs/configuration.md).
 *
 * @param maxConcurrentWorkflowTasks workflow tasks run at once
 * @param maxConcurrentActivities activity attempts run at once
 * @param workflowCacheSize workflow executions kept in the sticky cache (each in-flight remediation
 *     and each fingerprint coordinator is one); an evicted one replays its whole history on its
 *     next task
 * @param maxWorkflowThreads threads for cached workflows (one each while cached); at least the
 *     cache size, or the SDK evicts to free threads
 */
public record WorkerConfig(
    int maxConcurrentWorkflowTasks,
    int maxConcurrentActivities,
    int workflowCacheSize,
    int maxWorkflowThreads) {

  public static final int DEFAULT_WORKFLOW_CACHE_SIZE = 2_000;

  /** The SDK's cache and thread defaults replaced by {@link #DEFAULT_WORKFLOW_CACHE_SIZE}. */
  public WorkerConfig(int maxConcurrentWorkflowTasks, int maxConcurrentActivities) {
    this(
        maxConcurrentWorkflowTasks,
        maxConcurrentActivities,
        DEFAULT_WORKFLOW_CACHE_SIZE,
        DEFAULT_WORKFLOW_CACHE_SIZE);
  }
}
