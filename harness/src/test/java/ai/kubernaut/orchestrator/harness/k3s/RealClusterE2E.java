package ai.kubernaut.orchestrator.harness.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.harness.HarnessTestSupport;
import ai.kubernaut.orchestrator.harness.sandbox.PreRegisteredSearchAttributes;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenarios;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import ai.kubernaut.orchestrator.workflows.RemediationSearchAttributes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The orchestrator against a real Kubernetes API server (k3s in Docker): the CRDs from the api jar
 * are installed for real (schema, CEL immutability rule, status subresource, garbage collection),
 * and the happy path and a recovery path run with the simulated child controllers. Skipped, with
 * the reason in the test report, where no Docker engine is available.
 */
@EnabledIf(
    value = "dockerIsAvailable",
    disabledReason = "no Docker engine on this machine: the k3s suite needs one")
class RealClusterE2E {

  static boolean dockerIsAvailable() {
    boolean available = DockerClientFactory.instance().isDockerAvailable();
    if (!available) {
      System.out.println(
          "RealClusterE2E SKIPPED: no Docker engine on this machine, so no k3s cluster;"
              + " it runs wherever Docker is available");
    }
    return available;
  }

  private static final String NS = "kubernaut-e2e";

  static K3sContainer k3s;

  static SandboxTemporalServer temporal;
  static KubernetesClient kube;
  static SimulatedControllers controllers;
  static OrchestratorApp app;

  @BeforeAll
  static void start() throws Exception {
    k3s = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));
    k3s.start();
    Config config = Config.fromKubeconfig(k3s.getKubeConfigYaml());
    kube = new KubernetesClientBuilder().withConfig(config).build();
    for (String path : KubernautCrds.resourcePaths()) {
      try (InputStream in = RealClusterE2E.class.getClassLoader().getResourceAsStream(path)) {
        CustomResourceDefinition crd =
            kube.apiextensions().v1().customResourceDefinitions().load(in).item();
        kube.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        kube.apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(
                c ->
                    c.getStatus() != null
                        && c.getStatus().getConditions().stream()
                            .anyMatch(
                                x ->
                                    "Established".equals(x.getType())
                                        && "True".equals(x.getStatus())),
                60,
                java.util.concurrent.TimeUnit.SECONDS);
      }
    }
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();

    temporal = SandboxTemporalServer.start(0, RemediationSearchAttributes.DEFINITIONS);
    controllers =
        new SimulatedControllers(
                kube,
                ControllerConfig.defaults()
                    .withNamespaces(java.util.List.of(NS))
                    .withStepDelay(Duration.ofMillis(100)),
                NotificationSink.discarding())
            .start();
    app =
        OrchestratorApp.builder(
                orchestratorConfig(), new PreRegisteredSearchAttributes(new ProductionWiring()))
            .kubernetesClients(
                k ->
                    new KubernetesClientBuilder()
                        .withConfig(
                            KubernetesClients.orchestratorDefaults(new ConfigBuilder(config))
                                .build())
                        .build())
            .clock(Clock.systemUTC())
            .build();
    app.start();
  }

  private static OrchestratorConfig orchestratorConfig() {
    return HarnessTestSupport.sandboxOrchestratorConfig(
        temporal, "--http-port=0", "--no-leader-election");
  }

  @AfterAll
  static void stop() {
    TestSupport.closeAll(app, controllers, temporal, kube, k3s);
  }

  @Test
  void aCleanRemediationCompletesOnARealApiServer() {
    assertEndsRemediated(Scenarios.CLEAN_SUCCESS, 0);
  }

  @Test
  void aRemediationRecoversOnItsSecondAttemptOnARealApiServer() {
    assertEndsRemediated(Scenarios.RECOVERY, 1);
  }

  private static void assertEndsRemediated(String scenarioId, int recoveryAttempts) {
    Scenario scenario = Scenarios.byId(scenarioId).orElseThrow();
    kube.resource(scenario.toRemediationRequest(NS)).create();

    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () -> {
              RemediationRequest rr =
                  kube.resources(RemediationRequest.class)
                      .inNamespace(NS)
                      .withName(scenario.rrName())
                      .get();
              assertThat(rr.getStatus()).isNotNull();
              assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
              assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
              assertThat(rr.getStatus().getRecoveryAttempts()).isEqualTo(recoveryAttempts);
            });
  }
}
