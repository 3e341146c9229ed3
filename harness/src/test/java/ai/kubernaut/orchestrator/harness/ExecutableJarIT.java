package ai.kubernaut.orchestrator.harness;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.JavaJar;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded {@code target/kubernaut-sandbox.jar} with {@code java -jar}. */
class ExecutableJarIT {

  private static final JavaJar JAR = new JavaJar(Path.of("target", "kubernaut-sandbox.jar"));

  @Test
  void helpListsTheCommands() throws Exception {
    JavaJar.Result result = JAR.run(Map.of(), Duration.ofSeconds(60), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).contains("sandbox", "bench", "Exit codes");
  }

  @Test
  void sandboxKeepsTheConsoleForProgressAndTheSummaryAndLogsToAFile(@TempDir Path dir)
      throws Exception {
    Path logFile = dir.resolve("logs").resolve("sandbox.log");

    JavaJar.Result result =
        JAR.run(
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
}
