package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.WorkerConfig;
import picocli.CommandLine.Option;

/** Temporal worker concurrency. */
public final class WorkerOptions {

  static final String MAX_CONCURRENT_WORKFLOW_TASKS = "--max-concurrent-workflow-tasks";
  static final String MAX_CONCURRENT_ACTIVITIES = "--max-concurrent-activities";

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

  WorkerConfig toConfig(ConfigValidator v) {
    return new WorkerConfig(
        v.intAtLeast(MAX_CONCURRENT_WORKFLOW_TASKS, maxConcurrentWorkflowTasks, 2),
        v.intAtLeast(MAX_CONCURRENT_ACTIVITIES, maxConcurrentActivities, 1));
  }
}
