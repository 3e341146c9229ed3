package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kubectl as users type it, on a real API server: the printer columns in SPEC order, a short name
 * for every kind, describe and Events, and every kubectl command of README.md, docs/operations.md
 * and docs/runbooks.md run exactly as written (read from the docs, so an edit there is tested
 * here). The docs' example remediation, {@code disk-full-7f3a} in {@code payments}, and the
 * README's {@code recovery} exist for real.
 */
@ExtendWith(RealKubernetesExtension.class)
class KubectlRealIT {

  private static final String NS = DocsExamples.NS;
  private static final String RR = DocsExamples.RR;
  private static final List<String> DOCS =
      List.of("README.md", "docs/operations.md", "docs/runbooks.md");

  /**
   * Documented commands that need a part the real tier does not run, each with the reason. A new
   * command in the docs is run unless it is added here.
   */
  private static final Map<String, String> NOT_RUN =
      Map.of(
          "kubectl -n kubernaut-system logs ",
          "container logs are served by a kubelet, and the real tier runs none; RemediationLogsIT"
              + " runs the command's filter on a remediation's real log lines");

  private static RealOrchestratorStack stack;
  private static Path workDir;

  @BeforeAll
  static void createTheDocsExamples(RealOrchestratorStack started) throws IOException {
    stack = started;
    DocsExamples.ensure(stack);
    workDir = Files.createTempDirectory("kubectl-docs");
    Files.createSymbolicLink(workDir.resolve("deploy"), RealStackScripts.root().resolve("deploy"));
    Files.createDirectories(workDir.resolve("sandbox"));
    Files.copy(stack.kubernetes().adminKubeconfig(), workDir.resolve("sandbox/kubeconfig"));
    RemediationRequest mine = TestSupport.scriptedRemediation("default", "my-rr", Map.of());
    mine.getMetadata().setNamespace(null);
    Files.writeString(workDir.resolve("my-rr.yaml"), Serialization.asYaml(mine));
  }

  @Test
  void getRrPrintsTheSpecColumnsInOrderAndWideAddsFingerprintAndWorkflowId() {
    Shell.Result plain = stack.kubernetes().kubectl("get", "rr", "-n", NS);
    Shell.Result wide = stack.kubernetes().kubectl("get", "rr", "-n", NS, "-o", "wide");

    assertThat(header(plain))
        .as(plain.output())
        .containsExactly("NAME", "PHASE", "OUTCOME", "SIGNAL", "TARGET", "ATTEMPTS", "AGE");
    assertThat(plain.stdout()).contains(RR, "Completed", "Remediated");
    assertThat(header(wide)).as(wide.output()).contains("FINGERPRINT", "WORKFLOW ID");
    assertThat(wide.stdout()).contains("rr/" + NS + "/" + RR + "/");
  }

  @Test
  void everyKindAnswersToItsShortName() {
    Shell.Result all = stack.kubernetes().kubectl("get", "rr,sp,ai,rar,we,nr", "-n", NS);

    assertThat(all.exitCode()).as(all.output()).isZero();
    assertThat(all.stdout())
        .contains(
            "remediationrequest.kubernaut.ai/" + RR,
            "signalprocessing.kubernaut.ai/sp-" + RR,
            "aianalysis.kubernaut.ai/ai-" + RR,
            "workflowexecution.kubernaut.ai/we-" + RR,
            "notificationrequest.kubernaut.ai/nr-completion-" + RR);
  }

  @Test
  void describeAndTheEventFieldSelectorShowTheTransitions() {
    Shell.Result describe = stack.kubernetes().kubectl("describe", "rr", RR, "-n", NS);
    Shell.Result events =
        stack
            .kubernetes()
            .kubectl("get", "events", "-n", NS, "--field-selector", "involvedObject.name=" + RR);

    assertThat(describe.exitCode()).as(describe.output()).isZero();
    assertThat(describe.stdout()).contains("Overall Phase:", "Completed", "Events:");
    assertThat(events.exitCode()).as(events.output()).isZero();
    assertThat(events.stdout().lines().skip(1).count())
        .as("one Event per transition: " + events.stdout())
        .isGreaterThanOrEqualTo(4);
    assertThat(events.stdout()).contains("remediationrequest/" + RR, "RemediationCompleted");
  }

  @Test
  void everyKubectlCommandInTheDocsRunsAsWritten() {
    List<DocumentedCommands.Command> commands =
        DOCS.stream()
            .flatMap(f -> DocumentedCommands.in(f, DocumentedCommands::isKubectl).stream())
            .toList();
    String workflowId = rr(NS, RR).getStatus().getTemporal().getWorkflowId();
    List<String> failures = new ArrayList<>();
    List<String> skipped = new ArrayList<>();

    for (DocumentedCommands.Command command : commands) {
      if (NOT_RUN.keySet().stream().anyMatch(command.text()::startsWith)) {
        skipped.add(command.text());
        continue;
      }
      Shell.Result result =
          stack.kubernetes().shell(Map.of("ID", workflowId), workDir, command.text());
      System.out.println(command + "\n" + result.stdout() + result.stderr());
      if (result.exitCode() != 0 || result.stderr().toLowerCase().contains("error")) {
        failures.add(command + "\n" + result.output());
      }
    }

    assertThat(commands).as("commands found in the docs").hasSizeGreaterThan(20);
    assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    assertThat(skipped)
        .as("each NOT_RUN entry still matches a documented command")
        .hasSize(NOT_RUN.size());
  }

  private static List<String> header(Shell.Result result) {
    return List.of(result.stdout().lines().findFirst().orElse("").trim().split("\\s{2,}"));
  }

  private static RemediationRequest rr(String ns, String name) {
    return stack.admin().resources(RemediationRequest.class).inNamespace(ns).withName(name).get();
  }
}
