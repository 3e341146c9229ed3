package ai.kubernaut.orchestrator.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The sandbox takes alerts: the {@code curl} of docs/gateway.md, run as written (port aside)
 * against the sandbox's stack with the sandbox's Gateway settings, starts a remediation that
 * completes; a repeat after it completed is suppressed. Every {@code kubernaut_gateway_*} series
 * the process exports is documented in docs/gateway.md.
 */
class SandboxGatewayIT {

  static final String RR = "rr-ec333adb6329-1";
  static Path root;
  static Path doc;
  static SandboxStack stack;
  static int gatewayPort;
  static String namespace;

  @BeforeAll
  static void start() throws Exception {
    root = repoRoot();
    doc = root.resolve("docs/gateway.md");
    gatewayPort = TestSupport.freePort();
    SandboxCommand command = new SandboxCommand(c -> 0);
    new CommandLine(command)
        .parseArgs(
            "--temporal-port=" + TestSupport.freePort(),
            "--http-port=0",
            "--gateway-port=" + gatewayPort,
            "--no-leader-election",
            "--shutdown-grace-period=1s",
            "--kubeconfig-out=target/sandbox-gateway-kubeconfig",
            "--log-level=WARN");
    SandboxConfig config = command.toConfig();
    namespace = config.namespace();
    stack =
        SandboxStack.start(
            SandboxStack.Settings.of(
                    config.orchestratorWithGateway(),
                    ControllerConfig.defaults().withStepDelay(Duration.ofMillis(100)))
                .withSink(NotificationSink.discarding()));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theDocumentedCurlStartsARemediationThatCompletesAndARepeatIsSuppressed() throws Exception {
    String answer = postAsDocumented();

    assertThat(answer).contains("\"outcome\":\"created\"").contains("default/" + RR);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              RemediationRequest rr =
                  stack
                      .api()
                      .client()
                      .resources(RemediationRequest.class)
                      .inNamespace(namespace)
                      .withName(RR)
                      .get();
              assertThat(rr).isNotNull();
              assertThat(rr.getStatus()).isNotNull();
              assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
              assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
            });
    assertThat(postAsDocumented()).contains("\"outcome\":\"suppressed\"");
    assertThat(
            stack
                .api()
                .client()
                .resources(RemediationRequest.class)
                .inNamespace(namespace)
                .list()
                .getItems())
        .extracting(r -> r.getMetadata().getName())
        .containsOnlyOnce(RR);

    String documented = Files.readString(doc);
    TreeSet<String> exported = new TreeSet<>();
    Matcher series =
        Pattern.compile("(?m)^(kubernaut_gateway_\\w+?)(_count|_sum|_max)?[{ ]")
            .matcher(stack.app().meterRegistry().scrape());
    while (series.find()) {
      exported.add(series.group(1));
    }
    assertThat(exported).isNotEmpty();
    assertThat(exported).allSatisfy(name -> assertThat(documented).contains("`" + name));
  }

  /** The curl line of docs/gateway.md, run from the repository root (HTTP client without curl). */
  private static String postAsDocumented() throws Exception {
    String curl =
        Files.readAllLines(doc).stream()
            .filter(l -> l.startsWith("curl ") && l.contains("alertmanager-webhook.json"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no curl line in " + doc))
            .replace("localhost:8081", "localhost:" + gatewayPort);
    if (onPath("curl")) {
      Process p =
          new ProcessBuilder("bash", "-c", curl)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .start();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.exitValue()).as(out).isZero();
      return out;
    }
    System.out.println("curl not on PATH: posting the documented payload with the JDK client");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + gatewayPort + "/api/v1/signals/alertmanager"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofFile(
                            root.resolve("docs/examples/alertmanager-webhook.json")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static Path repoRoot() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return List.of(dir).get(0);
  }
}
