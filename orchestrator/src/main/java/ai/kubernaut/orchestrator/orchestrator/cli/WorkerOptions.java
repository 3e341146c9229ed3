package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.WorkerConfig;
import picocli.CommandLine.Option;

/** Temporal worker concurrency. */
public final class WorkerOptions {

  static final String MAX_CONCURRENT_WORKFLOW_TASKS = "--max-concurrent-workflow-tasks";
  static final String MAX_CONCURRENT_ACTIVITIES = "--max-concurrent-activities";
  static final String WORKFLOW_CACHE_SIZE = "--workflow-cache-size";
  static final String MAX_WORKFLOW_THREADS = "--max-workflow-threads";

  @Option(
      names = MAX_CONCURRENT_WORKFLOW_TASKS,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_MAX_CONCURRENT_WORKFLOW_TASKS:-200}",
      description = "Workflow tasks this worker runs at once.")
  int maxConcurrentWorkflowTasks;

  @Option(
      names = MAX_CONCURRENT_ACTIVITIES,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_MAX_CONCURRENT_ACTIVITIES:-200}",
      description = "Activity attempts (Kubernetes calls) this worker runs at once.")
  int maxConcurrentActivities;

  @Option(
      names = WORKFLOW_CACHE_SIZE,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_WORKFLOW_CACHE_SIZE:-2000}",
      description =
          "Workflow executions kept in the worker's sticky cache: at least the remediations in"
              + " flight plus their fingerprint coordinators (docs/configuration.md).")
  int workflowCacheSize;

  @Option(
      names = MAX_WORKFLOW_THREADS,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_MAX_WORKFLOW_THREADS:-2000}",
      description = "Threads for cached workflows (one each); at least --workflow-cache-size.")
  int maxWorkflowThreads;

  public WorkerConfig toConfig(ConfigValidator v) {
    int cache = v.intAtLeast(WORKFLOW_CACHE_SIZE, workflowCacheSize, 1);
    int threads = v.intAtLeast(MAX_WORKFLOW_THREADS, maxWorkflowThreads, 2);
    v.require(
        threads >= cache,
        MAX_WORKFLOW_THREADS,
        "must be at least " + WORKFLOW_CACHE_SIZE + " (" + cache + "), got " + threads);
    return new WorkerConfig(
        v.intAtLeast(MAX_CONCURRENT_WORKFLOW_TASKS, maxConcurrentWorkflowTasks, 2),
        v.intAtLeast(MAX_CONCURRENT_ACTIVITIES, maxConcurrentActivities, 1),
        cache,
        threads);
  }
}
