package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.bridge.Bridge;
import ai.kubernaut.orchestrator.bridge.BridgeActivities;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;

/**
 * The CRD bridge as a service component: leader election (when enabled), informers, starts,
 * signals, drift repair and retention. Stopping it releases the Lease.
 */
final class BridgeComponent implements ManagedComponent {

  private final Bridge bridge;

  BridgeComponent(RuntimeContext context, BridgeActivities activities) {
    this.bridge =
        new Bridge(
            context.kubernetesClient(),
            context.workflowClient(),
            context.config().bridge(),
            context.meterRegistry(),
            context.clock(),
            activities);
  }

  /** A child from the bridge's cache while this replica leads, else null. */
  <T extends HasMetadata> T cachedChild(Class<T> type, String namespace, String name) {
    return bridge.cachedChild(type, namespace, name);
  }

  @Override
  public String name() {
    return "crd bridge";
  }

  @Override
  public void start() {
    bridge.start();
  }

  @Override
  public void stop(Duration timeout) {
    bridge.close();
  }

  @Override
  public List<ReadinessCheck> readinessChecks() {
    return List.of(ReadinessCheck.of("crd bridge watching", bridge::isHealthy));
  }
}
