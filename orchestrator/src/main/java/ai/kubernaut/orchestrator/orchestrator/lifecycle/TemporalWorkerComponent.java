package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.config.WorkerConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import ai.kubernaut.orchestrator.workflows.logging.RemediationMdcInterceptor;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal worker on the configured task queue. {@code registrations} registers the workflow
 * implementation types and activity implementations on the worker before it starts. Every workflow
 * and activity of a remediation logs with its RR in the MDC ({@link RemediationMdcInterceptor}).
 *
 * <p>Stop is graceful: polling stops at once, tasks already received run to completion, and the
 * stop waits for them up to the shutdown grace period.
 */
public final class TemporalWorkerComponent implements ManagedComponent {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalWorkerComponent.class);

  private final WorkerFactory factory;
  private final String taskQueue;

  public TemporalWorkerComponent(
      WorkflowClient client,
      String taskQueue,
      WorkerConfig config,
      Consumer<Worker> registrations) {
    this.factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new RemediationMdcInterceptor())
                .setWorkflowCacheSize(config.workflowCacheSize())
                .setMaxWorkflowThreadCount(config.maxWorkflowThreads())
                .build());
    this.taskQueue = taskQueue;
    Worker worker =
        factory.newWorker(
            taskQueue,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(config.maxConcurrentWorkflowTasks())
                .setMaxConcurrentActivityExecutionSize(config.maxConcurrentActivities())
                .build());
    registrations.accept(worker);
  }

  @Override
  public String name() {
    return "temporal-worker";
  }

  @Override
  public void start() {
    factory.start();
    LOG.info("worker polling task queue {}", taskQueue);
  }

  @Override
  public void stop(Duration timeout) {
    factory.shutdown();
    factory.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (factory.isTerminated()) {
      LOG.info("worker stopped");
    } else {
      LOG.warn("worker still busy after {}; stopping anyway", timeout);
      factory.shutdownNow();
    }
  }

  @Override
  public List<ReadinessCheck> readinessChecks() {
    return List.of(
        ReadinessCheck.of("temporal-worker", () -> factory.isStarted() && !factory.isShutdown()));
  }

  /** The factory, for tests and for registering more workers on the same client. */
  public WorkerFactory factory() {
    return factory;
  }
}
