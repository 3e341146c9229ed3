package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The five simulated child controllers of the sandbox, started and stopped together: they play
 * SignalProcessing, AIAnalysis, the human approver, WorkflowExecution and the notification service,
 * each writing the status its real counterpart would, as scripted by the owning RR's {@code
 * sandbox.kubernaut.ai/*} annotations (see {@link Script}).
 *
 * <pre>{@code
 * try (var controllers = new SimulatedControllers(client, ControllerConfig.defaults(),
 *     NotificationSink.logging()).start()) {
 *   ...
 * }
 * }</pre>
 */
public final class SimulatedControllers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedControllers.class);

  private final KubernetesClient client;
  private final ControllerConfig config;
  private final NotificationSink sink;
  private ScheduledExecutorService executor;
  private RemediationRequests remediationRequests;
  private List<ScriptedController<?>> controllers = List.of();

  public SimulatedControllers(
      KubernetesClient client, ControllerConfig config, NotificationSink sink) {
    this.client = Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** With {@link ControllerConfig#defaults()} and a logging sink. */
  public SimulatedControllers(KubernetesClient client) {
    this(client, ControllerConfig.defaults(), NotificationSink.logging());
  }

  /**
   * Starts watching; returns once every informer has listed the existing objects. Starting twice
   * does nothing.
   */
  public synchronized SimulatedControllers start() {
    if (isRunning()) {
      return this;
    }
    executor = newExecutor(config.threads());
    remediationRequests = new RemediationRequests(client, config);
    controllers =
        List.of(
            new SignalProcessingController(
                client,
                config,
                remediationRequests,
                executor,
                ChildStore.of(client, SignalProcessing.class)),
            new AIAnalysisController(
                client,
                config,
                remediationRequests,
                executor,
                ChildStore.of(client, AIAnalysis.class)),
            new ApprovalRequestController(
                client,
                config,
                remediationRequests,
                executor,
                ChildStore.of(client, RemediationApprovalRequest.class)),
            new WorkflowExecutionController(
                client,
                config,
                remediationRequests,
                executor,
                ChildStore.of(client, WorkflowExecution.class)),
            new NotificationController(
                client,
                config,
                remediationRequests,
                executor,
                ChildStore.of(client, NotificationRequest.class),
                sink));
    try {
      remediationRequests.start();
      controllers.forEach(ScriptedController::start);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    log.info(
        "simulated controllers started ({}, step delay {})",
        config.watchesAllNamespaces() ? "all namespaces" : "namespaces " + config.namespaces(),
        config.stepDelay());
    return this;
  }

  public synchronized boolean isRunning() {
    return executor != null;
  }

  /** Stops the informers and drops planned writes; a write in flight finishes. */
  @Override
  public synchronized void close() {
    if (executor == null) {
      return;
    }
    controllers.forEach(ScriptedController::close);
    controllers = List.of();
    remediationRequests.close();
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("simulated controllers: a status write did not finish within 5s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
    log.info("simulated controllers stopped");
  }

  private static ScheduledExecutorService newExecutor(int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "sandbox-controller-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, factory);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return Executors.unconfigurableScheduledExecutorService(executor);
  }
}
