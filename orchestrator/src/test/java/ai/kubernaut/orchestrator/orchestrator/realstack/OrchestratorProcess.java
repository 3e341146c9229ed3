package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator as users run it: {@code java -jar kubernaut-orchestrator.jar run ...} in its own
 * process, its console in a log file, ready when {@code /readyz} answers 200.
 */
public final class OrchestratorProcess implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int httpPort;

  private OrchestratorProcess(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** The service's shaded jar the build's package phase made. */
  public static Path jar() {
    return builtJar("orchestrator/target/kubernaut-orchestrator.jar");
  }

  /** A shaded jar the build's package phase made, by its path from the repository root. */
  public static Path builtJar(String path) {
    Path jar = RealStackScripts.root().resolve(path);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw -B verify (package first)");
    }
    return jar;
  }

  /** Starts {@code run} with {@code args} plus {@code --http-port}, and waits until it is ready. */
  public static OrchestratorProcess startRun(
      Path log, int httpPort, Map<String, String> env, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar().toString());
    command.add("run");
    command.add("--http-port=" + httpPort);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("KUBERNAUT_") || k.startsWith("TEMPORAL_"));
    builder.environment().remove("KUBECONFIG");
    builder.environment().putAll(env);
    try {
      OrchestratorProcess started = new OrchestratorProcess(builder.start(), log, httpPort);
      started.awaitReady();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      await()
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new AssertionError("orchestrator exited: " + tail(40));
                }
                return get(http, "/readyz").statusCode() == 200;
              });
    } catch (RuntimeException | AssertionError e) {
      throw new IllegalStateException("orchestrator not ready:\n" + tail(60), e);
    }
  }

  public HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public String metrics() {
    try {
      return get(HttpClient.newHttpClient(), "/metrics").body();
    } catch (Exception e) {
      throw new IllegalStateException("GET /metrics failed", e);
    }
  }

  /** Its Prometheus endpoint. */
  public String metricsUrl() {
    return "http://127.0.0.1:" + httpPort + "/metrics";
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the process's console. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public List<String> logLines() {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL, as a node failure or an OOM kill would: nothing runs in the process afterwards. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
