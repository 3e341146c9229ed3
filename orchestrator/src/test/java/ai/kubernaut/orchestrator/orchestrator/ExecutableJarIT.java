package ai.kubernaut.orchestrator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.temporal.testserver.TestServer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded {@code target/kubernaut-orchestrator.jar} with {@code java -jar}. */
class ExecutableJarIT {

  private static final Path JAR = Path.of("target", "kubernaut-orchestrator.jar");

  @Test
  void helpListsTheCommands() throws Exception {
    Result result = run(Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).contains("run", "sandbox", "Exit codes");
  }

  @Test
  void environmentVariablesAreDefaultsAndFlagsWin() throws Exception {
    Result help = run(Map.of("TEMPORAL_ADDRESS", "temporal.prod:7233"), "run", "--help");
    Result badEnv = run(Map.of("KUBERNAUT_PROCESSING_TIMEOUT", "-5m"), "run", "--http-port=-1");
    Result flagWins =
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
          start(
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

  @Test
  void sandboxKeepsTheConsoleForProgressAndTheSummaryAndLogsToAFile(@TempDir Path dir)
      throws Exception {
    Path logFile = dir.resolve("logs").resolve("sandbox.log");

    Result result =
        run(
            Map.of(),
            Duration.ofMinutes(4),
            "sandbox",
            "--temporal-port=" + TestSupport.freePort(),
            "--http-port=" + TestSupport.freePort(),
            "--gateway-port=" + TestSupport.freePort(),
            "--kubeconfig-out=" + dir.resolve("kubeconfig"),
            "--log-file=" + logFile);

    assertThat(result.exitCode()).as(result.stdout()).isZero();
    assertThat(result.stdout().lines().findFirst()).hasValue("logs: " + logFile);
    assertThat(result.stdout())
        .contains("sandbox up:", "SCENARIO", "approval-expires", "phase-timeout")
        .contains("all 9 scenarios ended as expected");
    assertThat(result.stdout().lines().filter(l -> l.startsWith("\tat ")).toList()).isEmpty();
    assertThat(result.stdout()).doesNotContain(" INFO ", " WARN ", "Exception");
    assertThat(result.stderr()).isEmpty();
    assertThat(Files.readString(logFile))
        .contains("a.k.o.o.lifecycle.OrchestratorApp - started")
        .contains("started workflow rr/default/clean-success");
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(Map<String, String> env, String... args) throws Exception {
    return run(env, Duration.ofSeconds(60), args);
  }

  private static Result run(Map<String, String> env, Duration timeout, String... args)
      throws Exception {
    Path out = Files.createTempFile("jar-out", ".txt");
    Path err = Files.createTempFile("jar-err", ".txt");
    ProcessBuilder pb = command(env, args);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out after " + timeout + ": " + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Process start(Map<String, String> env, Path log, String... args) throws Exception {
    ProcessBuilder pb = command(env, args);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private static ProcessBuilder command(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("."));
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("KUBERNAUT_") || k.startsWith("TEMPORAL_"));
    pb.environment().putAll(env);
    return pb;
  }
}
