package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.bridge.Bridge;
import ai.kubernaut.orchestrator.bridge.BridgeActivities;
import ai.kubernaut.orchestrator.bridge.BridgeConfig;
import ai.kubernaut.orchestrator.orchestrator.config.LeaderElectionConfig;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
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
            bridgeConfig(context),
            context.meterRegistry(),
            context.clock(),
            activities);
  }

  static BridgeConfig bridgeConfig(RuntimeContext context) {
    OrchestratorConfig config = context.config();
    var bridge = config.bridge();
    BridgeConfig.ExecutorSettings defaults = BridgeConfig.ExecutorSettings.defaults();
    return BridgeConfig.defaults(config.temporal().taskQueue())
        .withNamespaces(config.kubernetes().watchNamespaces())
        .withResyncPeriod(bridge.resyncPeriod())
        .withDriftPeriod(bridge.driftPeriod())
        .withExecutor(
            new BridgeConfig.ExecutorSettings(
                bridge.signalThreads(), defaults.initialBackoff(), defaults.maxBackoff()))
        .withLease(lease(bridge.leaderElection(), context))
        .withSettings(config.remediationSettings());
  }

  private static BridgeConfig.LeaseSettings lease(
      LeaderElectionConfig election, RuntimeContext context) {
    if (!election.enabled()) {
      return null;
    }
    String namespace =
        election.leaseNamespace() != null
            ? election.leaseNamespace()
            : context.kubernetesClient().getNamespace();
    return BridgeConfig.LeaseSettings.of(election.leaseName(), namespace, election.identity())
        .withTimings(election.leaseDuration(), election.renewDeadline(), election.retryPeriod());
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
