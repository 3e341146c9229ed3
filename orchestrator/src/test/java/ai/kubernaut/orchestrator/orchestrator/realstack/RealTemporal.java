package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.workflows.RemediationDataConverter;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal CLI's development server ({@code temporal server start-dev}: a real Temporal server
 * with SQLite persistence and the Web UI) on free 127.0.0.1 ports. It registers no search
 * attributes: the orchestrator's own start-up registration does. Stops with SIGINT, as the CLI
 * expects, and restarts on the same SQLite file and ports.
 */
public final class RealTemporal implements AutoCloseable {

  public static final String NAMESPACE = "default";

  private final Path cli;
  private final Path dir;
  private final int port;
  private final int uiPort;
  private Process process;
  private WorkflowServiceStubs stubs;

  private RealTemporal(Path cli, Path dir) {
    this.cli = cli;
    this.dir = dir;
    this.port = TestSupport.freePort();
    this.uiPort = TestSupport.freePort();
  }

  static RealTemporal start(Path bin, Path dir) {
    RealTemporal temporal = new RealTemporal(bin.resolve("temporal"), dir);
    temporal.startProcess();
    return temporal;
  }

  private void startProcess() {
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(),
                "server",
                "start-dev",
                "--ip",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--ui-port",
                String.valueOf(uiPort),
                "--db-filename",
                dir.resolve("temporal.db").toString(),
                "--ui-disable-news-fetch",
                "--log-level",
                "warn"));
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dir.resolve("logs/temporal.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("temporal server start-dev exited");
              }
              stubs
                  .blockingStub()
                  .withDeadlineAfter(2, TimeUnit.SECONDS)
                  .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
              return true;
            });
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  public String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  public WorkflowClient client() {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder()
            .setNamespace(NAMESPACE)
            .setDataConverter(RemediationDataConverter.get())
            .build());
  }

  /** The environment under which the {@code temporal} CLI reaches this server. */
  public Map<String, String> cliEnvironment() {
    return Map.of(
        "TEMPORAL_ADDRESS",
        target(),
        "TEMPORAL_NAMESPACE",
        NAMESPACE,
        "PATH",
        cli.getParent() + ":" + System.getenv("PATH"));
  }

  /** Runs {@code temporal args...} against this server. */
  public Shell.Result cli(String... args) {
    List<String> command = new ArrayList<>();
    command.add(cli.toString());
    command.addAll(List.of(args));
    return Shell.run(Duration.ofMinutes(1), cliEnvironment(), command);
  }

  /** Stops the server (SIGINT, then SIGKILL after 20 s); its state stays in the SQLite file. */
  public void stop() {
    stubs.shutdownNow();
    Shell.run(Duration.ofSeconds(10), "kill", "-INT", String.valueOf(process.pid()));
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Starts it again on the same ports and SQLite file. */
  public void restart() {
    startProcess();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
