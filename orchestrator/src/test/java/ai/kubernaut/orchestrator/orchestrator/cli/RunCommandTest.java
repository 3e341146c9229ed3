package ai.kubernaut.orchestrator.orchestrator.cli;

import static ai.kubernaut.orchestrator.orchestrator.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.Main;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.TestSupport.CliRun;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class RunCommandTest {

  @Test
  void defaultsMatchTheSpec() {
    CliRun result = cli("run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    OrchestratorConfig c = result.run();
    assertThat(c.temporal().address()).isEqualTo("localhost:7233");
    assertThat(c.temporal().namespace()).isEqualTo("default");
    assertThat(c.temporal().taskQueue()).isEqualTo("kubernaut-remediation");
    assertThat(c.temporal().tlsEnabled()).isFalse();
    assertThat(c.temporal().uiBaseUrl()).isNull();
    assertThat(c.kubernetes().watchesAllNamespaces()).isTrue();
    assertThat(c.remediation().timeouts()).isEqualTo(PhaseTimeouts.defaults());
    assertThat(c.remediation().maxRecoveryAttempts()).isEqualTo(3);
    assertThat(c.remediation().terminationRateThreshold()).isEqualTo(0.10);
    assertThat(c.remediation().retention()).isEqualTo(Duration.ofHours(24));
    assertThat(c.routing().recentlyRemediatedCooldown()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.routing().consecutiveFailureThreshold()).isEqualTo(3);
    assertThat(c.routing().consecutiveFailureBlock()).isEqualTo(Duration.ofHours(1));
    assertThat(c.worker().maxConcurrentWorkflowTasks()).isEqualTo(200);
    assertThat(c.bridge().lease()).as("leader election on").isNotNull();
    assertThat(c.bridge().lease().name()).isEqualTo("kubernaut-remediation-orchestrator");
    assertThat(c.bridge().lease().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.bridge().identity()).isNotBlank();
    assertThat(c.bridge().taskQueue()).isEqualTo(c.temporal().taskQueue());
    assertThat(c.bridge().executor().workers()).isEqualTo(8);
    assertThat(c.bridge().driftPeriod()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.bridge().pendingStatusDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.service().httpPort()).isEqualTo(8080);
    assertThat(c.service().logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(c.service().logLevel()).isEqualTo("INFO");
    assertThat(c.bridge().settings().defaultTimeouts()).isEqualTo(PhaseTimeouts.defaults());
  }

  @Test
  void flagsOverrideDefaults(@TempDir Path dir) throws IOException {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "cert");
    Path key = Files.writeString(dir.resolve("tls.key"), "key");

    CliRun result =
        cli(
            "run",
            "--temporal-address=temporal.example.com:7233",
            "--temporal-namespace=prod",
            "--task-queue=rq",
            "--temporal-tls-cert=" + cert,
            "--temporal-tls-key=" + key,
            "--temporal-api-key=s3cr3t",
            "--temporal-ui-url=https://ui.example.com/",
            "--watch-namespaces=team-a,team-b",
            "--processing-timeout=90s",
            "--global-timeout=2h",
            "--max-recovery-attempts=0",
            "--termination-rate-threshold=0.25",
            "--no-leader-election",
            "--http-port=0",
            "--log-format=JSON",
            "--log-level=debug");

    assertThat(result.exitCode()).as(result.err()).isZero();
    OrchestratorConfig c = result.run();
    assertThat(c.temporal().address()).isEqualTo("temporal.example.com:7233");
    assertThat(c.temporal().mutualTls()).isTrue();
    assertThat(c.temporal().hasApiKey()).isTrue();
    assertThat(c.temporal().uiBaseUrl()).isEqualTo("https://ui.example.com");
    assertThat(c.kubernetes().watchNamespaces()).containsExactly("team-a", "team-b");
    assertThat(c.remediation().timeouts().processing()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.remediation().timeouts().global()).isEqualTo(Duration.ofHours(2));
    assertThat(c.remediation().maxRecoveryAttempts()).isZero();
    assertThat(c.remediation().terminationRateThreshold()).isEqualTo(0.25);
    assertThat(c.bridge().lease()).as("leader election off").isNull();
    assertThat(c.bridge().namespaces()).containsExactly("team-a", "team-b");
    assertThat(c.bridge().taskQueue()).isEqualTo("rq");
    assertThat(c.bridge().settings().defaultTimeouts().processing())
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(c.service().logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(c.service().logLevel()).isEqualTo("DEBUG");
  }

  @Test
  void apiKeyIsMaskedInToString() {
    CliRun result = cli("run", "--temporal-api-key=s3cr3t-value");

    assertThat(result.run().toString()).doesNotContain("s3cr3t-value").contains("apiKey=****");
    assertThat(result.run().temporal().tlsEnabled()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--processing-timeout=-5m | --processing-timeout: must be a positive Go duration, got \"-5m\"",
        "--analyzing-timeout=0 | --analyzing-timeout: must be a positive Go duration, got \"0\"",
        "--awaiting-approval-timeout=15 | --awaiting-approval-timeout: must be a positive Go duration",
        "--executing-timeout=soon | --executing-timeout: must be a positive Go duration",
        "--recovering-timeout=1d | --recovering-timeout: must be a positive Go duration",
        "--global-timeout=-1h | --global-timeout: must be a positive Go duration",
        "--retention=0s | --retention: must be a positive Go duration",
        "--recently-remediated-cooldown=x | --recently-remediated-cooldown: must be a positive Go",
        "--consecutive-failure-block=-1m | --consecutive-failure-block: must be a positive Go",
        "--consecutive-failure-threshold=0 | --consecutive-failure-threshold: must be at least 1",
        "--max-recovery-attempts=-1 | --max-recovery-attempts: must be at least 0",
        "--termination-rate-threshold=1.5 | --termination-rate-threshold: must be greater than 0 and at most 1",
        "--termination-rate-threshold=0 | --termination-rate-threshold: must be greater than 0",
        "--http-port=70000 | --http-port: must be a port between 0 and 65535",
        "--temporal-address=nohost | --temporal-address: must be host:port",
        "--temporal-address=host:0 | --temporal-address: port must be between 1 and 65535",
        "--temporal-namespace= | --temporal-namespace: must not be empty",
        "--task-queue= | --task-queue: must not be empty",
        "--temporal-tls-ca=/nonexistent/ca.pem | --temporal-tls-ca: file \"/nonexistent/ca.pem\" does not exist",
        "--temporal-tls-cert=/nonexistent/c.pem | --temporal-tls-cert: file \"/nonexistent/c.pem\" does not exist",
        "--temporal-ui-url=ftp://x | --temporal-ui-url: must be an absolute http(s) URL",
        "--kubeconfig=/nonexistent/kubeconfig | --kubeconfig: file \"/nonexistent/kubeconfig\" does not exist",
        "--watch-namespaces=ok,Not_Valid | --watch-namespaces: namespace \"Not_Valid\" is not a valid DNS-1123 label",
        "--max-concurrent-workflow-tasks=1 | --max-concurrent-workflow-tasks: must be at least 2",
        "--max-concurrent-activities=0 | --max-concurrent-activities: must be at least 1",
        "--signal-threads=0 | --signal-threads: must be at least 1",
        "--drift-period=0s | --drift-period: must be a positive Go duration",
        "--resync-period=never | --resync-period: must be a positive Go duration",
        "--pending-status-delay=soon | --pending-status-delay: must be a Go duration",
        "--leader-election-lease-name=Bad_Name | --leader-election-lease-name: must be a DNS-1123 subdomain",
        "--leader-election-namespace=Bad_NS | --leader-election-namespace: must be a DNS-1123 label",
        "--leader-election-renew-deadline=20s | --leader-election-renew-deadline: must be shorter than --leader-election-lease-duration",
        "--leader-election-retry-period=12s | --leader-election-retry-period: must be shorter than --leader-election-renew-deadline",
        "--log-format=xml | --log-format: must be one of text, json, got \"xml\"",
        "--log-level=LOUD | --log-level: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF",
        "--shutdown-grace-period=0s | --shutdown-grace-period: must be a positive Go duration",
      })
  void invalidOptionExitsTwoNamingTheOption(String arg, String expected) {
    CliRun result = cli("run", arg);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("error: " + expected);
    assertThat(result.run()).isNull();
  }

  @Test
  void certWithoutKeyNamesTheMissingOption(@TempDir Path dir) throws IOException {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "cert");

    CliRun result = cli("run", "--temporal-tls-cert=" + cert);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("error: --temporal-tls-key: must be set together with --temporal-tls-cert");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    CliRun result = cli("run", "--processing-timeout=-5m", "--http-port=-1");

    assertThat(result.err())
        .contains("--processing-timeout: must be a positive Go duration")
        .contains("--http-port: must be a port");
  }

  @Test
  void unknownOrMalformedFlagsExitTwo() {
    assertThat(cli("run", "--no-such-flag").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun notANumber = cli("run", "--http-port=eighty");
    assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(notANumber.err()).contains("--http-port");
  }

  @Test
  void missingCommandExitsTwo() {
    CliRun result = cli();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing command");
  }

  @Test
  void runtimeFailureExitsOne() {
    CliRun result =
        ai.kubernaut.orchestrator.orchestrator.TestSupport.cli(
            c -> {
              throw new IllegalStateException("cannot connect to Temporal");
            },
            new AtomicReference<>(),
            "run");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(result.err()).contains("cannot connect to Temporal");
  }

  @Test
  void helpDocumentsEveryOptionWithItsEnvironmentVariable() {
    for (String command : List.of("run", "gateway")) {
      TestSupport.assertHelpDocumentsEveryOption(
          Main.commandLine(CommandLine.defaultFactory()), command);
    }
  }

  @Test
  void helpNeverShowsTheApiKeyValue() {
    CliRun result = cli("run", "--help");

    assertThat(result.out()).contains("TEMPORAL_API_KEY");
    assertThat(result.exitCode()).isZero();
  }
}
