package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.bridge.BridgeConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The CRD bridge: signal fan-out, resync and leader election; builds {@link BridgeConfig}. */
public final class BridgeOptions {

  static final String SIGNAL_THREADS = "--signal-threads";
  static final String DRIFT_PERIOD = "--drift-period";
  static final String RESYNC_PERIOD = "--resync-period";
  static final String PENDING_STATUS_DELAY = "--pending-status-delay";
  static final String LEADER_ELECTION = "--leader-election";
  static final String LEASE_NAME = "--leader-election-lease-name";
  static final String LEASE_NAMESPACE = "--leader-election-namespace";
  static final String IDENTITY = "--leader-election-identity";
  static final String LEASE_DURATION = "--leader-election-lease-duration";
  static final String RENEW_DEADLINE = "--leader-election-renew-deadline";
  static final String RETRY_PERIOD = "--leader-election-retry-period";

  @Option(
      names = SIGNAL_THREADS,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_SIGNAL_THREADS:-8}",
      description = "Threads that send child-status signals to workflows.")
  int signalThreads;

  @Option(
      names = DRIFT_PERIOD,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_DRIFT_PERIOD:-1m}",
      description =
          "How often the bridge sweeps for drift (RRs whose workflow closed or is missing) and"
              + " expired RRs.")
  String driftPeriod;

  @Option(
      names = RESYNC_PERIOD,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_RESYNC_PERIOD:-10m}",
      description = "Informer resync period: drift reconciliation and retention deletion.")
  String resyncPeriod;

  @Option(
      names = PENDING_STATUS_DELAY,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_PENDING_STATUS_DELAY:-5s}",
      description =
          "How long after starting a workflow the bridge leaves status.temporal to the"
              + " workflow's first status write; if the run is not recorded by then, the bridge"
              + " writes status.temporal (and Pending) itself.")
  String pendingStatusDelay;

  @Option(
      names = LEADER_ELECTION,
      paramLabel = "<bool>",
      negatable = true,
      defaultValue = "${env:KUBERNAUT_LEADER_ELECTION:-true}",
      fallbackValue = "true",
      description = "Run the bridge on one replica at a time (workers run everywhere).")
  boolean leaderElection;

  @Option(
      names = LEASE_NAME,
      paramLabel = "<name>",
      defaultValue =
          "${env:KUBERNAUT_LEADER_ELECTION_LEASE_NAME:-kubernaut-remediation-orchestrator}",
      description = "Name of the coordination.k8s.io Lease.")
  String leaseName;

  @Option(
      names = LEASE_NAMESPACE,
      paramLabel = "<ns>",
      defaultValue = "${env:POD_NAMESPACE:-}",
      description = "Namespace of the Lease. Empty: the client's namespace (the pod's in-cluster).")
  String leaseNamespace;

  @Option(
      names = IDENTITY,
      paramLabel = "<id>",
      defaultValue = "${env:POD_NAME:-}",
      description = "This replica's Lease holder identity. Empty: the host name.")
  String identity;

  @Option(
      names = LEASE_DURATION,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_LEADER_ELECTION_LEASE_DURATION:-15s}",
      description = "How long a Lease is valid without renewal.")
  String leaseDuration;

  @Option(
      names = RENEW_DEADLINE,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_LEADER_ELECTION_RENEW_DEADLINE:-10s}",
      description = "How long the leader keeps trying to renew before it gives up leadership.")
  String renewDeadline;

  @Option(
      names = RETRY_PERIOD,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_LEADER_ELECTION_RETRY_PERIOD:-2s}",
      description = "Wait between attempts to acquire or renew the Lease.")
  String retryPeriod;

  /**
   * The bridge's configuration, straight from these options and the ones it shares with the worker:
   * the task queue, the watched namespaces and the per-run defaults.
   */
  public BridgeConfig toConfig(
      ConfigValidator v,
      TemporalConfig temporal,
      KubernetesConfig kubernetes,
      RemediationSettings settings) {
    Duration lease = v.positiveDuration(LEASE_DURATION, leaseDuration);
    Duration renew = v.positiveDuration(RENEW_DEADLINE, renewDeadline);
    Duration retry = v.positiveDuration(RETRY_PERIOD, retryPeriod);
    v.require(renew.compareTo(lease) < 0, RENEW_DEADLINE, "must be shorter than " + LEASE_DURATION);
    v.require(retry.compareTo(renew) < 0, RETRY_PERIOD, "must be shorter than " + RENEW_DEADLINE);
    String name = v.dnsSubdomain(LEASE_NAME, leaseName);
    String namespace = v.optionalDnsLabel(LEASE_NAMESPACE, leaseNamespace);
    return new BridgeConfig(
        kubernetes.watchNamespaces(),
        temporal.taskQueue(),
        identity == null || identity.isBlank() ? hostName() : identity.strip(),
        v.positiveDuration(RESYNC_PERIOD, resyncPeriod),
        v.positiveDuration(DRIFT_PERIOD, driftPeriod),
        leaderElection
            ? new BridgeConfig.LeaseSettings(name, namespace, lease, renew, retry)
            : null,
        BridgeConfig.ExecutorSettings.withWorkers(v.intAtLeast(SIGNAL_THREADS, signalThreads, 1)),
        BridgeConfig.FINALIZER_TIMEOUT,
        v.nonNegativeDuration(PENDING_STATUS_DELAY, pendingStatusDelay),
        settings);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      return "kubernaut-orchestrator-" + ProcessHandle.current().pid();
    }
  }
}
