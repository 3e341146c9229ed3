package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;

/** Runs one shared informer (a cache the activities read) for the life of the service. */
final class InformerComponent implements ManagedComponent {

  private final String name;
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(InformerComponent.class);
  private final SharedIndexInformer<?> informer;

  /**
   * Without an exception handler a fabric8 informer whose first list fails (a timeout from a busy
   * API server, say) stops for good, and every activity that reads the cache waits forever for a
   * sync; this one logs and retries, like the bridge's informers.
   */
  InformerComponent(String name, SharedIndexInformer<?> informer) {
    this.name = name;
    this.informer = informer;
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warn("{} informer: {}, retrying", name, t.toString());
          return true;
        });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    informer.start();
  }

  @Override
  public void stop(Duration timeout) {
    informer.close();
  }

  @Override
  public List<ReadinessCheck> readinessChecks() {
    return List.of(ReadinessCheck.of(name + " synced", informer::hasSynced));
  }
}
