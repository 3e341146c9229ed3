package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leadership term of the bridge: informers, work queues and the drift sweep, all created on
 * {@link #start()} and all gone after {@link #close()}. Nothing carries over to the next term; the
 * new term's initial list, the drift sweep and the {@link DeliveredSignals} (read back from
 * workflow histories) make it resume without duplicating starts or signals.
 */
final class BridgeRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeRuntime.class);

  private final KubernetesClient kube;
  private final BridgeConfig config;
  private final BridgeMetrics metrics;
  private final WorkQueue remediationQueue;
  private final WorkQueue signalQueue;
  private final RemediationRequestHandler remediationHandler;
  private final WorkflowSignaller signaller;
  private final ScheduledExecutorService sweeper;
  private Informers<RemediationRequest> remediations;

  /** Read by activity threads ({@link #cachedChild}) while leadership starts and stops it. */
  private final List<Informers<? extends HasMetadata>> children = new CopyOnWriteArrayList<>();

  private boolean closed;

  BridgeRuntime(
      KubernetesClient kube,
      WorkflowClient temporal,
      BridgeConfig config,
      BridgeMetrics metrics,
      Clock clock,
      BridgeActivities activities) {
    this.kube = kube;
    this.config = config;
    this.metrics = metrics;
    this.remediationQueue = new WorkQueue("remediations", config.executor(), metrics);
    this.signalQueue = new WorkQueue("signals", config.executor(), metrics);
    RemediationRequestWriter writer = new RemediationRequestWriter(kube);
    WorkflowStarter starter = new WorkflowStarter(temporal, config);
    DeliveredSignals ledger = new DeliveredSignals(temporal);
    DriftReconciler drift =
        new DriftReconciler(temporal, activities, writer, metrics, config.settings(), clock);
    RetentionReaper retention = new RetentionReaper(starter, writer, metrics, clock);
    this.remediationHandler =
        new RemediationRequestHandler(
            remediationQueue,
            writer,
            starter,
            drift,
            retention,
            ledger,
            metrics,
            config,
            temporal.getOptions().getNamespace(),
            clock);
    this.signaller = new WorkflowSignaller(temporal, starter, signalQueue, ledger, metrics);
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bridge-drift-sweep");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts the RR informers; once they have listed (children resolve their RR from that cache) the
   * child informers, then the periodic drift sweep (its first run is immediate). Returns at once,
   * so a slow or unreachable API server never blocks a leadership change.
   */
  void start() {
    remediations =
        Informers.create(
            kube,
            RemediationRequest.class,
            config.namespaces(),
            config.resyncPeriod(),
            Owners.remediationIndexers(),
            remediationHandler);
    remediationHandler.readFrom(remediations);
    Informers<RemediationRequest> rrs = remediations;
    metrics.informer(rrs.kind(), rrs::isWatching);
    rrs.start()
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                LOG.error("RemediationRequest informers failed to start: {}", error.toString());
              } else {
                startChildren(new Owners(rrs));
              }
            });
  }

  private synchronized void startChildren(Owners owners) {
    if (closed) {
      return;
    }
    child(SignalProcessing.class, owners);
    child(AIAnalysis.class, owners);
    child(RemediationApprovalRequest.class, owners);
    child(WorkflowExecution.class, owners);
    child(NotificationRequest.class, owners);
    children.forEach(Informers::start);
    long period = config.driftPeriod().toMillis();
    sweeper.scheduleWithFixedDelay(this::sweep, 0, period, TimeUnit.MILLISECONDS);
    LOG.info(
        "bridge running: namespaces {}, task queue {}",
        config.allNamespaces() ? "all" : config.namespaces(),
        config.taskQueue());
  }

  /** True once every informer runs and while every watch is open. */
  synchronized boolean isWatching() {
    return remediations != null
        && remediations.isWatching()
        && !children.isEmpty()
        && children.stream().allMatch(Informers::isWatching);
  }

  /** Re-checks every RR in the cache: drift for active ones, retention for terminal ones. */
  void sweep() {
    try {
      for (RemediationRequest rr : remediations.list()) {
        remediationHandler.enqueue(rr, "sweep", true);
      }
    } catch (RuntimeException e) {
      LOG.warn("drift sweep failed: {}", e.toString());
    }
  }

  /** The child in this leader's cache, or null. */
  <T extends HasMetadata> T cachedChild(Class<T> type, String namespace, String name) {
    for (Informers<? extends HasMetadata> informers : children) {
      if (informers.type() == type) {
        return type.cast(informers.get(namespace, name));
      }
    }
    return null;
  }

  private <T extends HasMetadata> void child(Class<T> type, Owners owners) {
    Informers<T> informers =
        Informers.create(
            kube,
            type,
            config.namespaces(),
            config.resyncPeriod(),
            Owners.childIndexers(),
            new ChildStatusHandler<T>(owners, signaller, metrics));
    metrics.informer(informers.kind(), informers::isWatching);
    children.add(informers);
  }

  @Override
  public synchronized void close() {
    closed = true;
    sweeper.shutdownNow();
    children.forEach(Informers::close);
    if (remediations != null) {
      remediations.close();
    }
    signalQueue.close();
    remediationQueue.close();
    for (Informers<? extends HasMetadata> informers : children) {
      metrics.informer(informers.kind(), () -> false);
    }
    if (remediations != null) {
      metrics.informer(remediations.kind(), () -> false);
    }
    LOG.info("bridge stopped");
  }
}
