package ai.kubernaut.orchestrator.harness.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.harness.HarnessTestSupport;
import ai.kubernaut.orchestrator.harness.sandbox.PreRegisteredSearchAttributes;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.deploy.DeployManifests;
import ai.kubernaut.orchestrator.orchestrator.deploy.MetricNames;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import ai.kubernaut.orchestrator.workflows.RemediationSearchAttributes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service as deployed (production wiring, with the Gateway), before any remediation: every
 * metric an alert of the PrometheusRule or a runbook reads is already on /metrics, so a new alert
 * on a series that only appears after its first event fails here.
 */
class MetricsAtStartupIT {

  /** A metric name in running text (runbooks quote them in backticks or PromQL). */
  private static final Pattern METRIC_IN_TEXT =
      Pattern.compile("\\b(?:kubernaut_[a-z_]+|temporal_[a-z_]+)\\b");

  static SandboxTemporalServer temporal;
  static KubernetesApiStandIn api;
  static OrchestratorApp app;

  @BeforeAll
  static void startWithoutRemediations() throws Exception {
    temporal = SandboxTemporalServer.start(0, RemediationSearchAttributes.DEFINITIONS);
    api = KubernetesApiStandIn.start();
    app =
        OrchestratorApp.builder(
                HarnessTestSupport.sandboxOrchestratorConfig(temporal, "--http-port=0")
                    .withGateway(GatewayConfig.defaults(0, "default")),
                new PreRegisteredSearchAttributes(new ProductionWiring()))
            .kubernetesClients(k -> api.newClient(KubernetesClients::orchestratorDefaults))
            .clock(Clock.systemUTC())
            .build();
    app.start();
  }

  @AfterAll
  static void stop() {
    TestSupport.closeAll(app, api, temporal);
  }

  @Test
  void everySeriesTheAlertsAndRunbooksReadIsExposedBeforeAnyRemediation() throws Exception {
    Set<String> used = new TreeSet<>(usedByAlerts());
    used.addAll(usedByRunbooks());
    URI metrics = URI.create("http://localhost:" + app.httpPort() + "/metrics");

    assertThat(used)
        .contains(
            "kubernaut_remediationorchestrator_status_write_conflicts_total",
            "kubernaut_remediationorchestrator_status_write_failures_total",
            "kubernaut_remediationorchestrator_bridge_task_retries_total",
            "kubernaut_remediationorchestrator_timeouts_total",
            "temporal_workflow_task_execution_failed_total");
    // the SDK's tally scope reports its gauges (open polls) every 10 s
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(MetricNames.missing(used, MetricNames.inScrape(scrape(metrics))))
                    .as("read by an alert or a runbook but not on /metrics")
                    .isEmpty());
    assertThat(api.client().resources(RemediationRequest.class).inAnyNamespace().list().getItems())
        .as("no remediation ran")
        .isEmpty();
  }

  private static Set<String> usedByAlerts() {
    Set<String> used = new TreeSet<>();
    for (HasMetadata o :
        DeployManifests.load(DeployManifests.deploy().resolve("monitoring/prometheusrule.yaml"))) {
      used.addAll(MetricNames.inPrometheusRule(o));
    }
    return used;
  }

  private static Set<String> usedByRunbooks() throws IOException {
    String runbooks = Files.readString(DeployManifests.repoRoot().resolve("docs/runbooks.md"));
    Set<String> used = new TreeSet<>();
    METRIC_IN_TEXT.matcher(runbooks).results().forEach(m -> used.add(m.group()));
    used.remove("kubernaut_gateway_"); // a prefix in prose ("kubernaut_gateway_* series")
    return used;
  }

  private static String scrape(URI metrics) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
