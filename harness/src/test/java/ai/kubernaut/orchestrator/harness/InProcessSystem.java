package ai.kubernaut.orchestrator.harness;

import ai.kubernaut.orchestrator.harness.sandbox.PreRegisteredSearchAttributes;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import ai.kubernaut.orchestrator.workflows.RemediationDataConverter;
import ai.kubernaut.orchestrator.workflows.RemediationSearchAttributes;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The whole system in one process, as the sandbox assembles it: the Temporal test server, the
 * strict Kubernetes API stand-in, the simulated child controllers (50 ms steps) and the
 * orchestrator with its production wiring, each on its own client. Closed in reverse.
 */
public record InProcessSystem(
    SandboxTemporalServer temporal,
    KubernetesApiStandIn api,
    KubernetesClient controllersClient,
    SimulatedControllers controllers,
    OrchestratorApp app)
    implements AutoCloseable {

  /** Starts everything; {@code config} builds the orchestrator's settings for the test server. */
  public static InProcessSystem start(Function<SandboxTemporalServer, OrchestratorConfig> config)
      throws Exception {
    SandboxTemporalServer temporal =
        SandboxTemporalServer.start(0, RemediationSearchAttributes.DEFINITIONS);
    KubernetesApiStandIn api = KubernetesApiStandIn.start();
    KubernetesClient controllersClient = api.newClient();
    SimulatedControllers controllers =
        new SimulatedControllers(
                controllersClient,
                ControllerConfig.defaults().withStepDelay(Duration.ofMillis(50)),
                NotificationSink.discarding())
            .start();
    OrchestratorApp app =
        OrchestratorApp.builder(
                config.apply(temporal), new PreRegisteredSearchAttributes(new ProductionWiring()))
            .kubernetesClients(k -> api.newClient(KubernetesClients::orchestratorDefaults))
            .clock(Clock.systemUTC())
            .build();
    app.start();
    return new InProcessSystem(temporal, api, controllersClient, controllers, app);
  }

  /** The stand-in's own client (namespace {@code default}). */
  public KubernetesClient kube() {
    return api.client();
  }

  /** A Temporal client of the test server, with the remediations' data converter. */
  public WorkflowClient workflowClient() {
    return WorkflowClient.newInstance(
        temporal.workflowServiceStubs(),
        WorkflowClientOptions.newBuilder()
            .setNamespace(temporal.namespace())
            .setDataConverter(RemediationDataConverter.get())
            .build());
  }

  @Override
  public void close() {
    TestSupport.closeAll(app, controllers, controllersClient, api, temporal);
  }
}
