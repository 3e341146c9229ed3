package ai.kubernaut.orchestrator.harness.bench;

import ai.kubernaut.orchestrator.harness.config.BenchConfig;
import ai.kubernaut.orchestrator.harness.sandbox.SandboxStack;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The stack one profile runs against: the in-process sandbox ({@link #sandbox}), started fresh per
 * profile, or a stack the user names ({@link #external}): a cluster, a Temporal frontend and an
 * orchestrator already running there, whose API requests come from its own {@code /metrics}.
 */
interface BenchTarget extends AutoCloseable {

  /** A client with rights to create RRs and watch them and their children. */
  KubernetesClient client();

  WorkflowServiceStubs temporal();

  String temporalNamespace();

  String namespace();

  /** Requests the orchestrator sent so far, per call (cumulative). */
  Map<ApiCall, Long> orchestratorRequests();

  /** Processes to sample, by label (this process is always one of them). */
  Map<String, Long> processes();

  /** The orchestrator's heap in use, when it runs in its own process. */
  OptionalLong orchestratorHeap();

  /** The orchestrator's pid, when it is a local process. */
  OptionalLong orchestratorPid();

  /** Whether heap, RSS and CPU of this process cover the orchestrator and the whole stack. */
  boolean inProcess();

  @Override
  void close();

  static BenchTarget sandbox(BenchConfig config, String namespace) throws Exception {
    ControllerConfig controllers =
        ControllerConfig.benchmark()
            .withStepDelay(config.stepDelay())
            .withThreads(config.controllerThreads());
    SandboxStack stack =
        SandboxStack.start(
            SandboxStack.Settings.of(config.orchestrator(), controllers)
                .withSink(NotificationSink.discarding()));
    stack.api().createNamespace(namespace);
    stack.orchestratorRequests().clear();
    return new BenchTarget() {
      @Override
      public KubernetesClient client() {
        return stack.api().client();
      }

      @Override
      public WorkflowServiceStubs temporal() {
        return stack.temporal().workflowServiceStubs();
      }

      @Override
      public String temporalNamespace() {
        return stack.temporal().namespace();
      }

      @Override
      public String namespace() {
        return namespace;
      }

      @Override
      public Map<ApiCall, Long> orchestratorRequests() {
        return stack.orchestratorRequests().calls();
      }

      @Override
      public Map<String, Long> processes() {
        return Map.of("bench (whole stack)", ProcessHandle.current().pid());
      }

      @Override
      public OptionalLong orchestratorHeap() {
        return OptionalLong.empty();
      }

      @Override
      public OptionalLong orchestratorPid() {
        return OptionalLong.empty();
      }

      @Override
      public boolean inProcess() {
        return true;
      }

      @Override
      public void close() {
        stack.close();
      }
    };
  }

  static BenchTarget external(BenchConfig config) {
    BenchConfig.External ext = config.external();
    KubernetesClient client =
        KubernetesClients.create(new KubernetesConfig(ext.kubeconfig().toString(), List.of()));
    SandboxStack.createNamespace(client, ext.namespace());
    SimulatedControllers controllers =
        ext.runControllers() ? startControllers(client, ext.namespace(), config) : null;
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(ext.temporalAddress()).build());
    OrchestratorScrape scrape =
        ext.orchestratorMetrics() == null
            ? null
            : new OrchestratorScrape(ext.orchestratorMetrics());
    Map<String, Long> processes = new LinkedHashMap<>(ext.processes());
    processes.put(
        ext.runControllers() ? "bench + controllers" : "bench", ProcessHandle.current().pid());
    return new BenchTarget() {
      @Override
      public KubernetesClient client() {
        return client;
      }

      @Override
      public WorkflowServiceStubs temporal() {
        return stubs;
      }

      @Override
      public String temporalNamespace() {
        return ext.temporalNamespace();
      }

      @Override
      public String namespace() {
        return ext.namespace();
      }

      @Override
      public Map<ApiCall, Long> orchestratorRequests() {
        return scrape == null ? Map.of() : scrape.requests();
      }

      @Override
      public Map<String, Long> processes() {
        return processes;
      }

      @Override
      public OptionalLong orchestratorHeap() {
        return scrape == null ? OptionalLong.empty() : OptionalLong.of(scrape.heapUsed());
      }

      @Override
      public OptionalLong orchestratorPid() {
        Long pid = ext.processes().get("orchestrator");
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
      }

      @Override
      public boolean inProcess() {
        return false;
      }

      @Override
      public void close() {
        if (controllers != null) {
          controllers.close();
        }
        stubs.shutdownNow();
        client.close();
      }
    };
  }

  /** The simulated child controllers for {@code namespace}, fast and parallel (bench settings). */
  static SimulatedControllers startControllers(
      KubernetesClient client, String namespace, BenchConfig config) {
    return new SimulatedControllers(
            client,
            ControllerConfig.benchmark()
                .withNamespaces(List.of(namespace))
                .withStepDelay(config.stepDelay())
                .withThreads(config.controllerThreads()),
            NotificationSink.discarding())
        .start();
  }
}
