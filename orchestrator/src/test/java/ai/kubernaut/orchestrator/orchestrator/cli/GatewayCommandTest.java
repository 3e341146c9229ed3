package ai.kubernaut.orchestrator.orchestrator.cli;

import static ai.kubernaut.orchestrator.orchestrator.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.gateway.signal.TargetMapping;
import ai.kubernaut.orchestrator.orchestrator.TestSupport.CliRun;
import ai.kubernaut.orchestrator.orchestrator.config.GatewayServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GatewayCommandTest {

  @TempDir Path dir;

  @Test
  void runLeavesTheGatewayOffUnlessAsked() {
    CliRun result = cli("run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.run().gateway()).isNull();
  }

  @Test
  void runWithGatewayReadsEveryGatewayOption() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "t0ken");

    CliRun result =
        cli(
            "run",
            "--gateway",
            "--gateway-port=9091",
            "--gateway-namespace=alerts",
            "--gateway-token-file=" + token,
            "--gateway-rate-limit=5",
            "--gateway-rate-burst=7",
            "--gateway-cooldown=10m",
            "--gateway-storm-threshold=4",
            "--gateway-storm-window=30s",
            "--gateway-target-labels=rollout=argoproj.io/v1alpha1/Rollout,host=Node");

    assertThat(result.exitCode()).as(result.err()).isZero();
    GatewayConfig g = result.run().gateway();
    assertThat(g.port()).isEqualTo(9091);
    assertThat(g.namespace()).isEqualTo("alerts");
    assertThat(g.tokenFile()).isEqualTo(token);
    assertThat(g.rateLimitPerSecond()).isEqualTo(5);
    assertThat(g.rateLimitBurst()).isEqualTo(7);
    assertThat(g.cooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(g.stormThreshold()).isEqualTo(4);
    assertThat(g.stormWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(g.targetRules())
        .containsExactly(
            new TargetMapping.Rule("rollout", "Rollout", "argoproj.io/v1alpha1", false),
            new TargetMapping.Rule("host", "Node", "v1", true));
  }

  @Test
  void theGatewayNeedsATokenFileUnlessUnauthenticatedIsExplicit() {
    CliRun missing = cli("run", "--gateway");
    CliRun allowed = cli("run", "--gateway", "--gateway-allow-unauthenticated");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--gateway-token-file: is required");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.run().gateway().tokenFile()).isNull();
  }

  @Test
  void gatewayCommandNamesEveryBadOption() {
    GatewayCommand command = new GatewayCommand(c -> 0);
    new CommandLine(command)
        .parseArgs(
            "--gateway-port=70000",
            "--gateway-namespace=Not_A_Namespace",
            "--gateway-token-file=" + dir.resolve("absent"),
            "--gateway-storm-window=0s",
            "--gateway-target-labels=rollout");

    assertThatThrownBy(command::toConfig)
        .isInstanceOf(InvalidConfigException.class)
        .extracting(e -> ((InvalidConfigException) e).problems())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .anySatisfy(p -> assertThat((String) p).startsWith("--gateway-port"))
        .anySatisfy(p -> assertThat((String) p).startsWith("--gateway-namespace"))
        .anySatisfy(p -> assertThat((String) p).startsWith("--gateway-token-file"))
        .anySatisfy(p -> assertThat((String) p).startsWith("--gateway-storm-window"))
        .anySatisfy(p -> assertThat((String) p).contains("label=[apiVersion/]Kind"));
  }

  @Test
  void gatewayCommandBuildsItsOwnServiceConfig() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "t0ken");
    GatewayCommand command = new GatewayCommand(c -> 0);
    new CommandLine(command).parseArgs("--gateway-token-file=" + token, "--http-port=0");

    GatewayServiceConfig config = command.toConfig();

    assertThat(config.gateway().port()).isEqualTo(GatewayConfig.DEFAULT_PORT);
    assertThat(config.gateway().namespace()).isEqualTo("kubernaut-system");
    assertThat(config.service().httpPort()).isZero();
    assertThat(config.kubernetes().kubeconfig()).isNull();
  }
}
