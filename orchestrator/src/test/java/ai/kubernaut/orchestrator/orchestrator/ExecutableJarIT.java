package ai.kubernaut.orchestrator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.temporal.testserver.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code target/kubernaut-orchestrator.jar} with {@code java -jar}: the service
 * only (the sandbox is in kubernaut-sandbox.jar, module harness).
 */
class ExecutableJarIT {

  private static final JavaJar JAR = new JavaJar(Path.of("target", "kubernaut-orchestrator.jar"));

  @Test
  void helpListsTheCommands() throws Exception {
    JavaJar.Result result = run(Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).contains("run", "gateway", "Exit codes").doesNotContain("sandbox");
  }

  @Test
  void environmentVariablesAreDefaultsAndFlagsWin() throws Exception {
    JavaJar.Result help = run(Map.of("TEMPORAL_ADDRESS", "temporal.prod:7233"), "run", "--help");
    JavaJar.Result badEnv =
        run(Map.of("KUBERNAUT_PROCESSING_TIMEOUT", "-5m"), "run", "--http-port=-1");
    JavaJar.Result flagWins =
        run(
            Map.of("KUBERNAUT_PROCESSING_TIMEOUT", "-5m"),
            "run",
            "--processing-timeout=5m",
            "--http-port=-1");

    assertThat(help.stdout()).contains("Default: temporal.prod:7233", "Env: TEMPORAL_ADDRESS");
    assertThat(badEnv.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badEnv.stderr())
        .contains("error: --processing-timeout: must be a positive Go duration, got \"-5m\"");
    assertThat(flagWins.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(flagWins.stderr()).doesNotContain("--processing-timeout").contains("--http-port");
  }

  @Test
  void runBecomesReadyServesMetricsAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    int temporalPort = TestSupport.freePort();
    int httpPort = TestSupport.freePort();
    KubernetesApiStandIn kube = KubernetesApiStandIn.start();
    Path kubeconfig = dir.resolve("kubeconfig");
    kube.writeKubeconfig(kubeconfig);
    Path log = dir.resolve("out.log");
    try (TestServer.PortBoundTestServer ignored = TestServer.createPortBoundServer(temporalPort)) {
      Process process =
          JAR.start(
              Map.of("KUBERNAUT_LOG_FORMAT", "json"),
              log,
              "run",
              "--temporal-address=localhost:" + temporalPort,
              // the Java test server cannot list search attributes (Temporal Cloud may not let
              // a worker add them): the service then starts without registering
              "--no-temporal-register-search-attributes",
              "--kubeconfig=" + kubeconfig,
              "--http-port=" + httpPort,
              "--no-leader-election");
      try {
        HttpClient http = HttpClient.newHttpClient();
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> get(http, httpPort, "/readyz").statusCode() == 200);
        assertThat(get(http, httpPort, "/metrics").body())
            .contains(
                "jvm_memory_used_bytes",
                "kubernaut_remediationorchestrator_bridge_leader",
                "kubernaut_remediationorchestrator_bridge_informer_watching");

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).anyMatch(l -> l.contains("received SIGTERM"));
        assertThat(lines).anyMatch(l -> l.contains("\"formattedMessage\":\"stopped\""));
        assertThat(lines.stream().filter(l -> l.startsWith("{")).count()).isPositive();
      } finally {
        process.destroyForcibly();
        kube.close();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JavaJar.Result run(Map<String, String> env, String... args) throws Exception {
    return JAR.run(env, Duration.ofSeconds(60), args);
  }
}
