package ai.kubernaut.orchestrator.orchestrator.realstack;

import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The orchestrator installed on the real control plane the way docs/operations.md says (CRDs, then
 * the prod overlay with its ServiceAccount and least-privilege RBAC), running as its own process
 * from the built jar with that ServiceAccount's token, so the shipped RBAC authorizes every call it
 * makes. Beside it: the Temporal CLI's development server (a real Temporal server with its Web UI;
 * the orchestrator registers its search attributes there itself) and, in this JVM, the sandbox's
 * simulated child controllers (cluster-admin; they stand for the other Kubernaut services).
 */
public final class RealOrchestratorStack implements AutoCloseable {

  public static final String SYSTEM_NAMESPACE = "kubernaut-system";
  public static final String SERVICE_ACCOUNT = "kubernaut-orchestrator";

  /** The bridge's default Lease name (--leader-election-lease-name). */
  public static final String LEASE_NAME = "kubernaut-remediation-orchestrator";

  /**
   * The namespaces the orchestrator and the controllers watch. Tests that write RRs by hand (to see
   * admission or concurrency alone) use other namespaces, where nothing else acts on them.
   */
  public static final List<String> WATCHED =
      List.of(
          "default",
          "payments",
          "scenarios",
          "deletion",
          "configuration",
          "faults",
          "cancellation",
          "bench");

  private final RealKubernetes kubernetes;
  private final SimulatedNode node;
  private final RealTemporal temporal;
  private final SimulatedControllers controllers;
  private final KubernetesClient controllersClient;
  private final Path serviceAccountKubeconfig;

  /** Running replicas by their Lease holder identity; {@link #orchestrator} is the newest. */
  private final Map<String, OrchestratorProcess> replicas = new LinkedHashMap<>();

  private OrchestratorProcess orchestrator;
  private int orchestratorStarts;

  private RealOrchestratorStack(
      RealKubernetes kubernetes,
      SimulatedNode node,
      RealTemporal temporal,
      SimulatedControllers controllers,
      KubernetesClient controllersClient,
      Path serviceAccountKubeconfig) {
    this.kubernetes = kubernetes;
    this.node = node;
    this.temporal = temporal;
    this.controllers = controllers;
    this.controllersClient = controllersClient;
    this.serviceAccountKubeconfig = serviceAccountKubeconfig;
  }

  static RealOrchestratorStack start(RealKubernetes kubernetes) {
    SimulatedNode node = SimulatedNode.start(kubernetes.admin(), SYSTEM_NAMESPACE);
    installAsDocumented(kubernetes);
    WATCHED.forEach(ns -> createNamespace(kubernetes, ns));
    Path temporalBin =
        RealKubernetesExtension.install("temporal")
            .orElseThrow(() -> new IllegalStateException("no Temporal CLI and no python3"));
    RealTemporal temporal = RealTemporal.start(temporalBin, kubernetes.dir());
    KubernetesClient controllersClient = RealKubernetes.clientFor(kubernetes.adminKubeconfig());
    SimulatedControllers controllers =
        new SimulatedControllers(
                controllersClient,
                ControllerConfig.defaults()
                    .withNamespaces(WATCHED)
                    .withStepDelay(Duration.ofMillis(50)),
                NotificationSink.discarding())
            .start();
    Path kubeconfig = kubernetes.serviceAccountKubeconfig(SYSTEM_NAMESPACE, SERVICE_ACCOUNT);
    RealOrchestratorStack stack =
        new RealOrchestratorStack(
            kubernetes, node, temporal, controllers, controllersClient, kubeconfig);
    stack.startOrchestrator();
    return stack;
  }

  /**
   * Starts an orchestrator replica (the first, the next after {@link #killOrchestrator}, or a
   * second one beside a running one), with its own Lease holder identity {@code orchestrator-<n>}.
   */
  public synchronized OrchestratorProcess startOrchestrator() {
    orchestratorStarts++;
    String identity = "orchestrator-" + orchestratorStarts;
    orchestrator =
        OrchestratorProcess.startRun(
            kubernetes.dir().resolve("logs/" + identity + ".log"),
            TestSupport.freePort(),
            Map.of(
                "POD_NAMESPACE",
                SYSTEM_NAMESPACE,
                "POD_NAME",
                identity,
                "KUBERNAUT_LOG_FORMAT",
                "json"),
            List.of(
                "--kubeconfig=" + serviceAccountKubeconfig,
                "--temporal-address=" + temporal.target(),
                "--temporal-ui-url=" + temporal.uiUrl(),
                "--leader-election",
                "--watch-namespaces=" + String.join(",", WATCHED),
                "--drift-period=2s",
                "--resync-period=30s",
                // the tests end many remediations Failed, Cancelled or TimedOut on purpose; with
                // the
                // default 10 % cluster-wide termination rate, later recovery scenarios would be
                // refused (that rule has its own workflow tests)
                "--termination-rate-threshold=1"));
    replicas.put(identity, orchestrator);
    return orchestrator;
  }

  /** kill -9 of the newest orchestrator replica: no shutdown hook, no Lease release. */
  public synchronized void killOrchestrator() {
    kill(orchestrator);
  }

  /** kill -9 of one replica; the newest survivor becomes {@link #orchestrator()}. */
  public synchronized void kill(OrchestratorProcess replica) {
    replica.kill();
    replicas.values().remove(replica);
    if (replica == orchestrator) {
      orchestrator = replicas.values().stream().reduce((first, second) -> second).orElse(null);
    }
  }

  /** The Lease holder identity the bridge's leader election wrote, if any. */
  public Optional<String> leaseHolder() {
    Lease lease =
        admin().resources(Lease.class).inNamespace(SYSTEM_NAMESPACE).withName(LEASE_NAME).get();
    return Optional.ofNullable(lease)
        .map(Lease::getSpec)
        .map(spec -> spec.getHolderIdentity())
        .filter(Objects::nonNull)
        .filter(holder -> !holder.isBlank());
  }

  /** The running replica that holds the Lease. */
  public synchronized Optional<OrchestratorProcess> leader() {
    return leaseHolder().map(replicas::get);
  }

  /**
   * The "Install" block of docs/operations.md, run verbatim on the fresh cluster, after the one
   * prerequisite it names (the Prometheus Operator's CRDs, here from its pinned release).
   */
  private static void installAsDocumented(RealKubernetes kubernetes) {
    Path monitoringCrds =
        RealKubernetesExtension.install("monitoring-crds")
            .orElseThrow(() -> new IllegalStateException("no Prometheus Operator CRDs"));
    run(kubernetes, "kubectl apply --server-side -f " + monitoringCrds);
    run(kubernetes, "kubectl wait --for condition=established --timeout=60s crd --all");
    List<String> install = DocumentedCommands.firstBlockOf("docs/operations.md", "## Install");
    if (install.size() < 3) {
      throw new IllegalStateException("docs/operations.md lost its Install block: " + install);
    }
    install.forEach(command -> run(kubernetes, command));
    run(kubernetes, "kubectl wait --for condition=established --timeout=60s crd --all");
  }

  private static void run(RealKubernetes kubernetes, String command) {
    Shell.Result result = kubernetes.shell(Map.of(), RealStackScripts.root(), command);
    System.out.println(result.output());
    if (result.exitCode() != 0) {
      throw new IllegalStateException("install step failed: " + result.output());
    }
  }

  public RealKubernetes kubernetes() {
    return kubernetes;
  }

  public KubernetesClient admin() {
    return kubernetes.admin();
  }

  public RealTemporal temporal() {
    return temporal;
  }

  public WorkflowClient workflowClient() {
    return temporal.client();
  }

  public OrchestratorProcess orchestrator() {
    return orchestrator;
  }

  /** The orchestrator's own kubeconfig (its ServiceAccount token). */
  public Path serviceAccountKubeconfig() {
    return serviceAccountKubeconfig;
  }

  /** Creates a namespace (or finds it there) and returns its name. */
  public String newNamespace(String name) {
    return createNamespace(kubernetes, name);
  }

  private static String createNamespace(RealKubernetes kubernetes, String name) {
    Shell.Result result = kubernetes.kubectl("create", "namespace", name);
    if (result.exitCode() != 0 && !result.stderr().contains("AlreadyExists")) {
      throw new IllegalStateException(result.output());
    }
    return name;
  }

  public String orchestratorLogTail() {
    return orchestrator.tail(80);
  }

  @Override
  public void close() {
    replicas.values().forEach(OrchestratorProcess::close);
    TestSupport.closeAll(controllers, controllersClient, temporal, node);
    try {
      Files.deleteIfExists(serviceAccountKubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
