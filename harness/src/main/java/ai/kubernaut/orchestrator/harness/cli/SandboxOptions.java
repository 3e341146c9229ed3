package ai.kubernaut.orchestrator.harness.cli;

import picocli.CommandLine.Option;

/** Options only the sandbox has. */
public final class SandboxOptions {

  static final String KEEP_RUNNING = "--keep-running";
  static final String KUBECONFIG_OUT = "--kubeconfig-out";
  static final String TEMPORAL_PORT = "--temporal-port";
  static final String API_PORT = "--api-port";
  static final String SCENARIOS = "--scenarios";
  static final String STEP_DELAY = "--step-delay";
  static final String LOG_FILE = "--log-file";
  static final String KUBECONFIG = "--kubeconfig";
  static final String NAMESPACE = "--namespace";
  static final String TEMPORAL_ADDRESS = "--temporal-address";
  static final String TEMPORAL_NAMESPACE = "--temporal-namespace";
  static final String GATEWAY = "--gateway";
  static final String GATEWAY_PORT = "--gateway-port";

  @Option(
      names = KEEP_RUNNING,
      description = "Keep serving Kubernetes and Temporal clients after the scenarios finish.")
  boolean keepRunning;

  @Option(
      names = KUBECONFIG_OUT,
      paramLabel = "<file>",
      defaultValue = "sandbox/kubeconfig",
      description = "Where to write a kubeconfig for kubectl against the API stand-in.")
  String kubeconfigOut;

  @Option(
      names = TEMPORAL_PORT,
      paramLabel = "<port>",
      defaultValue = "7233",
      description =
          "Port of the local Temporal test server (temporal CLI: --address localhost:<port>).")
  int temporalPort;

  @Option(
      names = API_PORT,
      paramLabel = "<port>",
      defaultValue = "0",
      description =
          "Port of the Kubernetes API stand-in; 0 picks a free port (see the kubeconfig).")
  int apiPort;

  @Option(
      names = SCENARIOS,
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Create the sample RemediationRequests (success, recovery, approval, timeout, ...).")
  boolean scenarios;

  @Option(
      names = STEP_DELAY,
      paramLabel = "<duration>",
      defaultValue = "1s",
      description = "How long each simulated child controller waits before writing a status.")
  String stepDelay;

  @Option(
      names = LOG_FILE,
      paramLabel = "<file>",
      defaultValue = "sandbox/sandbox.log",
      description =
          "Where every log line goes; the console keeps the progress and the summary. An empty"
              + " value logs to the console instead.")
  String logFile;

  @Option(
      names = KUBECONFIG,
      paramLabel = "<file>",
      description =
          "Run against the cluster of this kubeconfig (kind, k3d, real) instead of the API"
              + " stand-in; missing Kubernaut CRDs are installed with server-side apply.")
  String kubeconfig;

  @Option(
      names = NAMESPACE,
      paramLabel = "<ns>",
      description =
          "Namespace of the scenario RemediationRequests and the Lease; with --kubeconfig also the"
              + " only namespace watched (default: the kubeconfig context's, else default).")
  String namespace;

  @Option(
      names = TEMPORAL_ADDRESS,
      paramLabel = "<host:port>",
      description =
          "Use this Temporal server (e.g. temporal server start-dev) instead of the in-process"
              + " test server; the orchestrator registers its search attributes there.")
  String temporalAddress;

  @Option(
      names = TEMPORAL_NAMESPACE,
      paramLabel = "<ns>",
      defaultValue = "default",
      description = "Temporal namespace on the --temporal-address server.")
  String temporalNamespace;

  @Option(
      names = GATEWAY,
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Run the Gateway, so Alertmanager payloads posted to --gateway-port start remediations"
              + " (no token: the sandbox is for a laptop).")
  boolean gateway;

  @Option(
      names = GATEWAY_PORT,
      paramLabel = "<port>",
      defaultValue = "8081",
      description = "Port of the Gateway; 0 picks a free port.")
  int gatewayPort;
}
