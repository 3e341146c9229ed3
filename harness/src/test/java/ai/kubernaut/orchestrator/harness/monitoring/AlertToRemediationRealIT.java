package ai.kubernaut.orchestrator.harness.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.gateway.GatewayMetrics;
import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.harness.sandbox.SandboxStack;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.monitoring.AlertmanagerReceiver;
import ai.kubernaut.orchestrator.orchestrator.monitoring.MonitoringBinaries;
import ai.kubernaut.orchestrator.orchestrator.monitoring.RealProcess;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole path with real parts: a metric this test serves crosses a rule in a real Prometheus,
 * the alert fires, a real Alertmanager (configured from the documented receiver file) posts it to
 * the Gateway running inside the orchestrator ({@code run --gateway} wiring, on the in-process
 * sandbox stack), an RR appears and its remediation completes. Repeats create no second RR; the
 * resolved notification is recorded and starts nothing.
 */
class AlertToRemediationRealIT {

  static final String ALERT = "KubernautTestDiskAlmostFull";
  static final String TOKEN = "real-it-token-0123456789";

  @TempDir static Path dir;
  static final AtomicReference<String> usage = new AtomicReference<>("0.10");
  static HttpServer metrics;
  static SandboxStack stack;
  static RealProcess alertmanager;
  static RealProcess prometheus;

  @BeforeAll
  static void start() throws Exception {
    Path promBin = MonitoringBinaries.prometheus();
    Path amBin = MonitoringBinaries.alertmanager();

    metrics = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    metrics.createContext(
        "/metrics",
        ex -> {
          byte[] body =
              ("# TYPE kubernaut_test_disk_usage_ratio gauge\n"
                      + "kubernaut_test_disk_usage_ratio{namespace=\"shop\",deployment=\"web\"} "
                      + usage.get()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          ex.sendResponseHeaders(200, body.length);
          try (var out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    metrics.start();

    int gatewayPort = TestSupport.freePort();
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
    SandboxCommand command = new SandboxCommand(c -> 0);
    new CommandLine(command)
        .parseArgs(
            "--temporal-port=" + TestSupport.freePort(),
            "--http-port=0",
            "--no-leader-election",
            "--shutdown-grace-period=1s",
            "--kubeconfig-out=target/alert-realit-kubeconfig",
            "--log-level=WARN");
    SandboxConfig config = command.toConfig();
    stack =
        SandboxStack.start(
            SandboxStack.Settings.of(
                    config
                        .orchestrator()
                        .withGateway(
                            GatewayConfig.defaults(gatewayPort, "default")
                                .withTokenFile(tokenFile)),
                    ControllerConfig.defaults().withStepDelay(Duration.ofMillis(100)))
                .withSink(NotificationSink.discarding()));

    int amPort = TestSupport.freePort();
    Path amConfig = dir.resolve("alertmanager.yml");
    Files.writeString(
        amConfig,
        AlertmanagerReceiver.forTest(
            "http://127.0.0.1:" + gatewayPort + "/api/v1/signals/alertmanager", tokenFile));
    alertmanager =
        RealProcess.start(
                "alertmanager",
                Path.of("target", "realstack-logs"),
                List.of(
                    amBin.toString(),
                    "--config.file=" + amConfig,
                    "--storage.path=" + dir.resolve("am-data"),
                    "--web.listen-address=127.0.0.1:" + amPort,
                    "--cluster.listen-address="))
            .awaitReady("http://127.0.0.1:" + amPort + "/-/ready", Duration.ofSeconds(30));

    int promPort = TestSupport.freePort();
    Path rules =
        Files.writeString(
            dir.resolve("rules.yml"),
            """
            groups:
              - name: test
                rules:
                  - alert: %s
                    expr: kubernaut_test_disk_usage_ratio > 0.9
                    labels:
                      severity: critical
                    annotations:
                      summary: "disk of {{ $labels.deployment }} almost full"
            """
                .formatted(ALERT));
    Path promConfig =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ["%s"]
            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ["127.0.0.1:%d"]
            scrape_configs:
              - job_name: test
                static_configs:
                  - targets: ["127.0.0.1:%d"]
            """
                .formatted(rules, amPort, metrics.getAddress().getPort()));
    prometheus =
        RealProcess.start(
                "prometheus",
                Path.of("target", "realstack-logs"),
                List.of(
                    promBin.toString(),
                    "--config.file=" + promConfig,
                    "--storage.tsdb.path=" + dir.resolve("prom-data"),
                    "--web.listen-address=127.0.0.1:" + promPort,
                    "--rules.alert.resend-delay=1s"))
            .awaitReady("http://127.0.0.1:" + promPort + "/-/ready", Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    TestSupport.closeAll(
        prometheus, alertmanager, stack, metrics == null ? null : () -> metrics.stop(0));
  }

  @Test
  void aFiringAlertBecomesOneRemediationThatCompletesAndTheResolveStartsNothing() {
    usage.set("0.97");

    RemediationRequest rr =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(AlertToRemediationRealIT::onlyRemediation, r -> r != null);
    assertThat(rr.getSpec().getSignalName()).isEqualTo(ALERT);
    assertThat(rr.getSpec().getSeverity()).isEqualTo("critical");
    assertThat(rr.getSpec().getTargetResource().getKind()).isEqualTo("Deployment");
    assertThat(rr.getSpec().getTargetResource().getName()).isEqualTo("web");
    assertThat(rr.getSpec().getTargetResource().getNamespace()).isEqualTo("shop");
    assertThat(rr.getSpec().getSignalLabels()).containsKeys("job", "instance");

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              RemediationRequest now = onlyRemediation();
              assertThat(now.getStatus()).isNotNull();
              assertThat(now.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
              assertThat(now.getStatus().getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
            });

    // Alertmanager repeats the firing alert every few seconds: counted or suppressed, never a 2nd
    // RR
    double receivedAtCompletion = count(GatewayMetrics.RECEIVED);
    await().atMost(Duration.ofSeconds(60)).until(() -> count(GatewayMetrics.SUPPRESSED) >= 1);
    assertThat(count(GatewayMetrics.RECEIVED)).isGreaterThan(receivedAtCompletion);
    assertThat(remediations()).hasSize(1);
    assertThat(count(GatewayMetrics.CREATED)).isEqualTo(1);

    usage.set("0.20");

    await().atMost(Duration.ofSeconds(60)).until(() -> count(GatewayMetrics.RESOLVED) >= 1);
    assertThat(remediations()).hasSize(1);
    assertThat(count(GatewayMetrics.CREATED)).isEqualTo(1);
    assertThat(count(GatewayMetrics.REJECTED)).isZero();
  }

  private static double count(String name) {
    MeterRegistry registry = stack.app().meterRegistry();
    return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static List<RemediationRequest> remediations() {
    return stack
        .api()
        .client()
        .resources(RemediationRequest.class)
        .inNamespace("default")
        .list()
        .getItems()
        .stream()
        .filter(r -> ALERT.equals(r.getSpec().getSignalName()))
        .toList();
  }

  private static RemediationRequest onlyRemediation() {
    List<RemediationRequest> all = remediations();
    assertThat(all).hasSizeLessThanOrEqualTo(1);
    return all.isEmpty() ? null : all.get(0);
  }
}
