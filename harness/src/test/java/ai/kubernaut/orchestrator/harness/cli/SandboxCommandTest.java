package ai.kubernaut.orchestrator.harness.cli;

import static ai.kubernaut.orchestrator.harness.HarnessTestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.harness.HarnessTestSupport.SandboxCliRun;
import ai.kubernaut.orchestrator.harness.SandboxMain;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code sandbox} command line of kubernaut-sandbox.jar, parsed in this process. */
class SandboxCommandTest {

  @Test
  void sandboxHasItsOwnOptionsAndTheSharedOnes() {
    SandboxCliRun result =
        cli(
            "sandbox",
            "--keep-running",
            "--temporal-port=17233",
            "--api-port=16443",
            "--no-scenarios",
            "--step-delay=200ms",
            "--executing-timeout=1m");

    assertThat(result.exitCode()).as(result.err()).isZero();
    SandboxConfig s = result.sandbox();
    assertThat(s.keepRunning()).isTrue();
    assertThat(s.kubeconfigOut()).isEqualTo(Path.of("sandbox/kubeconfig"));
    assertThat(s.temporalPort()).isEqualTo(17233);
    assertThat(s.apiPort()).isEqualTo(16443);
    assertThat(s.scenarios()).isFalse();
    assertThat(s.stepDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.orchestrator().temporal().address()).isEqualTo("localhost:17233");
    assertThat(s.orchestrator().remediation().timeouts().executing())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(s.orchestrator().kubernetes().kubeconfig()).isEqualTo("sandbox/kubeconfig");
  }

  @Test
  void sandboxDefaults() {
    SandboxConfig s = cli("sandbox").sandbox();

    assertThat(s.keepRunning()).isFalse();
    assertThat(s.temporalPort()).isEqualTo(7233);
    assertThat(s.apiPort()).isZero();
    assertThat(s.scenarios()).isTrue();
    assertThat(s.stepDelay()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void sandboxTakesAClusterAndATemporalServerOfYourOwn(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:6443'}}]",
            "contexts: [{name: c, context: {cluster: c, user: u, namespace: team-a}}]",
            "current-context: c",
            "users: [{name: u, user: {}}]",
            ""));

    SandboxConfig s =
        cli(
                "sandbox",
                "--log-file=",
                "--kubeconfig=" + kubeconfig,
                "--temporal-address=temporal.local:7233",
                "--temporal-namespace=sandbox")
            .sandbox();

    assertThat(s.cluster()).isEqualTo(kubeconfig);
    assertThat(s.namespace()).isEqualTo("team-a");
    assertThat(s.logFile()).isNull();
    assertThat(s.orchestrator().kubernetes().kubeconfig()).isEqualTo(kubeconfig.toString());
    assertThat(s.orchestrator().kubernetes().watchNamespaces()).containsExactly("team-a");
    assertThat(s.orchestrator().bridge().lease().namespace()).isEqualTo("team-a");
    assertThat(s.externalTemporal()).isTrue();
    assertThat(s.orchestrator().temporal().address()).isEqualTo("temporal.local:7233");
    assertThat(s.orchestrator().temporal().namespace()).isEqualTo("sandbox");
  }

  @Test
  void sandboxRejectsAMissingKubeconfigAndABadTemporalAddress() {
    SandboxCliRun result =
        cli("sandbox", "--kubeconfig=/nonexistent/kubeconfig", "--temporal-address=nohost");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("--kubeconfig: file \"/nonexistent/kubeconfig\" does not exist")
        .contains("--temporal-address: must be host:port");
  }

  @Test
  void sandboxRejectsBadValuesNamingTheOption() {
    SandboxCliRun result = cli("sandbox", "--step-delay=-1s", "--temporal-port=0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("--step-delay: must be a positive Go duration")
        .contains("--temporal-port: must be between 1 and 65535");
  }

  @Test
  void sandboxRunsAGatewayOnPort8081ByDefault() {
    SandboxCliRun on = cli("sandbox");
    SandboxCliRun off = cli("sandbox", "--no-gateway");

    assertThat(on.sandbox().gateway().port()).isEqualTo(8081);
    assertThat(on.sandbox().gateway().namespace()).isEqualTo("default");
    assertThat(on.sandbox().orchestratorWithGateway().gateway()).isNotNull();
    assertThat(on.sandbox().orchestrator().gateway()).isNull();
    assertThat(off.sandbox().gateway()).isNull();
    assertThat(List.of(on.exitCode(), off.exitCode())).containsOnly(0);
  }

  @Test
  void missingCommandExitsTwo() {
    SandboxCliRun result = cli();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing command: sandbox or bench");
  }

  @Test
  void helpDocumentsEveryOptionWithItsEnvironmentVariable() {
    for (String command : List.of("sandbox", "bench")) {
      TestSupport.assertHelpDocumentsEveryOption(
          SandboxMain.commandLine(CommandLine.defaultFactory()), command);
    }
  }
}
