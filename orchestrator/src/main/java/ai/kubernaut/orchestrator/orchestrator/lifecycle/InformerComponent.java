package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;

/** Runs one shared informer (a cache the activities read) for the life of the service. */
final class InformerComponent implements ManagedComponent {

  private final String name;
  private final SharedIndexInformer<?> informer;

  InformerComponent(String name, SharedIndexInformer<?> informer) {
    this.name = name;
    this.informer = informer;
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
