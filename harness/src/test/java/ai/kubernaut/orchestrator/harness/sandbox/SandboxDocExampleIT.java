package ai.kubernaut.orchestrator.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The example RemediationRequest in docs/sandbox.md, created once the sandbox has run its built-in
 * scenarios, ends the way the page says it does (its annotations and values are checked by the
 * sandbox module's SandboxDocTest).
 */
class SandboxDocExampleIT {

  private static final Path DOC = Path.of("..", "docs", "sandbox.md");
  private static final Pattern YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern ENDS =
      Pattern.compile(
          "ends\\s+in\\s+phase\\s+\\*\\*(\\w+)\\*\\*\\s+with\\s+outcome\\s+\\*\\*(\\w+)\\*\\*\\s+"
              + "after\\s+\\*\\*(\\d+)\\*\\*\\s+recovery\\s+attempt");

  @Test
  void theDocumentedExampleEndsAsTheDocSays() throws Exception {
    String doc = Files.readString(DOC);
    RemediationRequest example = example(doc);
    Matcher ends = ENDS.matcher(doc);
    assertThat(ends.find()).as("'ends in phase ...' sentence in %s", DOC).isTrue();

    try (SandboxStack stack = startStack()) {
      // as a user meets it: after the built-in scenarios
      boolean builtInsAsExpected =
          new ScenarioRun(
                  stack.client(),
                  "default",
                  new PrintStream(OutputStream.nullOutputStream()),
                  Clock.systemUTC())
              .execute(Duration.ofMinutes(3));
      assertThat(builtInsAsExpected).isTrue();
      stack
          .client()
          .resources(RemediationRequest.class)
          .inNamespace("default")
          .resource(example)
          .create();

      await()
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(
              () -> {
                RemediationRequest rr =
                    stack
                        .client()
                        .resources(RemediationRequest.class)
                        .inNamespace("default")
                        .withName(example.getMetadata().getName())
                        .get();
                assertThat(rr.getStatus()).isNotNull();
                assertThat(rr.getStatus().getOverallPhase()).isNotNull();
                assertThat(rr.getStatus().getOverallPhase().isTerminal()).isTrue();
                assertThat(rr.getStatus().getOverallPhase().toString()).isEqualTo(ends.group(1));
                assertThat(rr.getStatus().getOutcome().toString()).isEqualTo(ends.group(2));
                assertThat(rr.getStatus().getRecoveryAttempts())
                    .isEqualTo(Integer.parseInt(ends.group(3)));
              });
    }
  }

  private static SandboxStack startStack() throws Exception {
    SandboxCommand command = new SandboxCommand(c -> 0);
    new CommandLine(command)
        .parseArgs(
            "--http-port=0", "--no-leader-election", "--kubeconfig-out=target/doc-kubeconfig");
    SandboxConfig config = command.toConfig();
    return SandboxStack.start(
        SandboxStack.Settings.of(config.orchestrator(), ControllerConfig.defaults())
            .withSink(NotificationSink.discarding()));
  }

  private static RemediationRequest example(String doc) {
    Matcher m = YAML.matcher(doc);
    while (m.find()) {
      if (m.group(1).contains("kind: RemediationRequest")) {
        return Serialization.unmarshal(m.group(1), RemediationRequest.class);
      }
    }
    throw new AssertionError("no RemediationRequest example in " + DOC);
  }
}
