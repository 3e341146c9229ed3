package ai.kubernaut.orchestrator.harness.realstack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.harness.HarnessTestSupport;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealKubernetesExtension;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealOrchestratorStack;
import ai.kubernaut.orchestrator.orchestrator.realstack.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's sandbox ({@code kubernaut-sandbox.jar}) pointed at real infrastructure, as a user
 * with their own cluster and {@code temporal server start-dev} runs it: {@code sandbox --kubeconfig
 * ... --temporal-address ...} against the real kube-apiserver and the real Temporal server, in a
 * Temporal namespace of its own (the sandbox's orchestrator registers its search attributes there
 * itself).
 */
@ExtendWith(RealKubernetesExtension.class)
class SandboxOnRealStackRealIT {

  @Test
  void theSandboxScenariosPassOnARealClusterAndARealTemporalServer(
      RealOrchestratorStack stack, @TempDir Path dir) throws Exception {
    Shell.Result namespace =
        stack.temporal().cli("operator", "namespace", "create", "--namespace", "sandbox");
    assertThat(namespace.exitCode()).as(namespace.output()).isZero();

    Shell.Result sandbox =
        Shell.run(
            Duration.ofMinutes(6),
            Map.of(),
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                HarnessTestSupport.sandboxJar().toString(),
                "sandbox",
                "--kubeconfig=" + stack.kubernetes().adminKubeconfig(),
                "--namespace=sandbox-real",
                "--temporal-address=" + stack.temporal().target(),
                "--temporal-namespace=sandbox",
                // other tests of this tier leave failed remediations on the cluster; the
                // termination-rate rule would refuse the recovery scenario (docs/sandbox.md)
                "--termination-rate-threshold=1",
                "--http-port=0",
                "--log-file=" + dir.resolve("sandbox.log")));

    String console = sandbox.stdout() + sandbox.stderr();
    System.out.println(console);
    assertThat(sandbox.exitCode())
        .as(console + "\nlog tail:\n" + tail(dir.resolve("sandbox.log")))
        .isZero();
    assertThat(console).contains("clean-success", "recovery").doesNotContain("\tat ");
    assertThat(stack.temporal().cli("workflow", "count", "--namespace", "sandbox").stdout())
        .contains("Total: ");
  }

  private static String tail(Path log) throws Exception {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
