package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Temporal CLI command of docs/operations.md and docs/runbooks.md, read from the docs and run
 * verbatim with the real {@code temporal} CLI against the real Temporal server the orchestrator
 * uses, each checked by its effect: list and count answer from the visibility store on our search
 * attributes, query and describe show the state, the updates act on the RR, cancel, terminate and
 * reset end or continue the remediation as documented. Invalid update input is refused by the
 * validator with nothing added to the history.
 */
@ExtendWith(RealKubernetesExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemporalCliRealIT {

  private static final String NS = DocsExamples.NS;
  private static final List<String> DOCS = List.of("docs/operations.md", "docs/runbooks.md");

  /** The RRs the commands act on, each scripted into the state its command needs. */
  private static final Map<String, Map<String, String>> SCRIPTS = new LinkedHashMap<>();

  static {
    SCRIPTS.put("stuck-sp", Map.of(Script.SIGNAL_PROCESSING, "stuck"));
    SCRIPTS.put("awaiting-approve", Map.of(Script.ANALYSIS, "approval", Script.APPROVAL, "none"));
    SCRIPTS.put("awaiting-reject", Map.of(Script.ANALYSIS, "approval", Script.APPROVAL, "none"));
    SCRIPTS.put("cancel-plain", Map.of(Script.ANALYSIS, "stuck"));
    SCRIPTS.put("cancel-reason", Map.of(Script.ANALYSIS, "stuck"));
    SCRIPTS.put("to-terminate", Map.of(Script.ANALYSIS, "stuck"));
    SCRIPTS.put("reset-last", Map.of(Script.EXECUTION, "stuck"));
    SCRIPTS.put("reset-first", Map.of(Script.EXECUTION, "stuck"));
  }

  private static RealOrchestratorStack stack;
  private static KubernetesClient kube;
  private static final Map<String, String> runIdsBefore = new HashMap<>();

  @BeforeAll
  static void createTheRemediationsTheCommandsActOn(RealOrchestratorStack started) {
    stack = started;
    kube = stack.admin();
    DocsExamples.ensure(stack);
    SCRIPTS.forEach(
        (name, script) -> {
          RemediationRequest rr = TestSupport.scriptedRemediation(NS, name, script);
          rr.getSpec().getTimeoutConfig().setProcessing("30m");
          rr.getSpec().getTimeoutConfig().setAnalyzing("30m");
          rr.getSpec().getTimeoutConfig().setExecuting("30m");
          rr.getSpec().getTimeoutConfig().setGlobal("1h");
          kube.resource(rr).create();
        });
    awaitPhase("stuck-sp", RemediationPhase.PROCESSING);
    awaitPhase("awaiting-approve", RemediationPhase.AWAITING_APPROVAL);
    awaitPhase("awaiting-reject", RemediationPhase.AWAITING_APPROVAL);
    List.of("cancel-plain", "cancel-reason", "to-terminate")
        .forEach(n -> awaitPhase(n, RemediationPhase.ANALYZING));
    awaitPhase("reset-last", RemediationPhase.EXECUTING);
    awaitPhase("reset-first", RemediationPhase.EXECUTING);
  }

  @Test
  @Order(1)
  void invalidUpdateInputIsRefusedByTheValidatorAndAddsNothingToTheHistory() {
    String id = workflowId("stuck-sp");
    long before = historyLength(id);

    Shell.Result unknownPhase = update(id, "extendTimeout", "{\"phase\":\"Nope\",\"by\":\"15m\"}");
    Shell.Result negative =
        update(id, "extendTimeout", "{\"phase\":\"Processing\",\"by\":\"-5m\"}");
    Shell.Result noApprovalPending = update(id, "approve", "{\"by\":\"alice@example.com\"}");

    assertThat(unknownPhase.exitCode()).as(unknownPhase.output()).isNotZero();
    assertThat(unknownPhase.stderr()).contains("Nope");
    assertThat(negative.exitCode()).as(negative.output()).isNotZero();
    assertThat(noApprovalPending.exitCode()).as(noApprovalPending.output()).isNotZero();
    assertThat(historyLength(id))
        .as("history length after three refused updates")
        .isEqualTo(before);
  }

  @Test
  @Order(2)
  void everyTemporalCommandInTheDocsRunsAsWrittenAndDoesWhatTheDocsSay() {
    List<DocumentedCommands.Command> commands =
        DOCS.stream()
            .flatMap(f -> DocumentedCommands.in(f, c -> c.contains("temporal workflow")).stream())
            .toList();
    SCRIPTS.keySet().forEach(n -> runIdsBefore.put(n, runId(n)));
    List<String> failures = new ArrayList<>();

    for (DocumentedCommands.Command command : commands) {
      String target = targetOf(command.text());
      Map<String, String> env = new HashMap<>(stack.temporal().cliEnvironment());
      env.put("ID", workflowId(target));
      env.put("FP", DocsExamples.get(kube, NS, DocsExamples.RR).getSpec().getSignalFingerprint());
      Shell.Result result = runUntilExpected(command, env);
      System.out.println(command + "  [ID=" + target + "]\n" + result.stdout() + result.stderr());
      if (result.exitCode() != 0 || !expected(command.text(), result)) {
        failures.add(command + "  [ID=" + target + "]\n" + result.output());
      }
    }

    assertThat(commands).as("temporal commands found in the docs").hasSizeGreaterThan(20);
    assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
  }

  @Test
  @Order(3)
  void theUpdatesActedOnTheRemediations() {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              RemediationRequest retried = rr("stuck-sp");
              assertThat(retried.getStatus().getSignalProcessingRef().getName())
                  .isEqualTo("sp-stuck-sp-retry-1");
              assertThat(retried.getStatus().getTimeoutConfig().getExecuting()).isEqualTo("45m0s");
              assertThat(retried.getStatus().getTimeoutConfig().getGlobal()).isEqualTo("2h0m0s");
            });
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(phase("awaiting-approve"))
                  .isIn(RemediationPhase.EXECUTING, RemediationPhase.COMPLETED);
              RemediationApprovalRequest rar =
                  kube.resources(RemediationApprovalRequest.class)
                      .inNamespace(NS)
                      .withName("rar-awaiting-approve")
                      .get();
              assertThat(rar.getStatus().getDecision()).isEqualTo(ApprovalDecision.APPROVED);
              assertThat(rar.getStatus().getDecidedBy()).isEqualTo("alice@example.com");
              assertThat(phase("awaiting-reject")).isEqualTo(RemediationPhase.FAILED);
              assertThat(rr("awaiting-reject").getStatus().getFailurePhase()).isEqualTo("Approval");
            });
  }

  @Test
  @Order(4)
  void cancelTerminateAndResetEndOrContinueTheRemediationAsDocumented() {
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(phase("cancel-plain")).isEqualTo(RemediationPhase.CANCELLED);
              assertThat(phase("cancel-reason")).isEqualTo(RemediationPhase.CANCELLED);
              assertThat(notification("nr-statusupdate-cancel-plain")).isNotNull();
              assertThat(phase("to-terminate")).isEqualTo(RemediationPhase.FAILED);
              assertThat(rr("to-terminate").getStatus().getReason())
                  .isEqualTo("WorkflowTerminated");
            });
    for (String reset : List.of("reset-last", "reset-first")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(rr(reset).getStatus().getTemporal().getRunId())
                    .as("the reset's new run took over " + reset)
                    .isNotEqualTo(runIdsBefore.get(reset));
                assertThat(phase(reset)).isEqualTo(RemediationPhase.EXECUTING);
              });
      assertThat(
              kube.resources(WorkflowExecution.class)
                  .inNamespace(NS)
                  .withLabel("kubernaut.ai/remediation-request", reset)
                  .list()
                  .getItems())
          .as("the new run adopted the child instead of creating another")
          .hasSize(1);
    }
  }

  /** Which remediation {@code $ID} names for a command, by what the command does. */
  private static String targetOf(String command) {
    if (command.contains("--name approve")) {
      return "awaiting-approve";
    }
    if (command.contains("--name reject")) {
      return "awaiting-reject";
    }
    if (command.contains("workflow cancel -w")) {
      return "cancel-plain";
    }
    if (command.contains("workflow cancel --query")) {
      return "cancel-reason";
    }
    if (command.contains("workflow terminate")) {
      return "to-terminate";
    }
    if (command.contains("LastWorkflowTask")) {
      return "reset-last";
    }
    if (command.contains("FirstWorkflowTask")) {
      return "reset-first";
    }
    return "stuck-sp";
  }

  /** What a command's output must show (visibility is eventually consistent: retried). */
  private static boolean expected(String command, Shell.Result result) {
    String out = result.stdout();
    if (command.contains("RemediationPhase = 'AwaitingApproval'")) {
      return out.contains(workflowId("awaiting-approve"));
    }
    if (command.contains("TargetNamespace = 'payments'")) {
      return out.contains(workflowId("stuck-sp"));
    }
    if (command.contains("RecoveryAttempts >= 1")) {
      return out.contains("rr/default/recovery/");
    }
    if (command.contains("SignalName = 'OOMKilled'")
        || command.contains("Priority = 'P1'")
        || command.contains("TargetResource = ")
        || command.contains("SignalFingerprint = ")) {
      return out.contains(workflowId(DocsExamples.RR));
    }
    if (command.startsWith("for p in")) {
      // stuck-sp waits in Processing throughout; the other phases' counts depend on the moment
      return out.lines().filter(l -> l.matches("[A-Za-z]+ Total: \\d+")).count() == 6
          && out.lines().anyMatch(l -> l.matches("Processing Total: [1-9]\\d*"));
    }
    if (command.contains("GROUP BY ExecutionStatus")) {
      return out.contains("Running") && out.contains("Completed");
    }
    if (command.contains("--name state")) {
      return out.contains("Processing");
    }
    if (command.contains("workflow describe")) {
      return out.contains("RemediationWorkflow") && out.contains("OOMKilled on Deployment/");
    }
    if (command.contains("workflow metadata")) {
      return out.contains("Waiting for:** SignalProcessing sp-stuck-sp");
    }
    return true;
  }

  private static Shell.Result runUntilExpected(
      DocumentedCommands.Command command, Map<String, String> env) {
    Shell.Result result = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      result = stack.kubernetes().shell(env, RealStackScripts.root(), command.text());
      boolean readOnly =
          command.text().contains("workflow list")
              || command.text().contains("workflow count")
              || command.text().startsWith("for p in");
      if (!readOnly || (result.exitCode() == 0 && expected(command.text(), result))) {
        return result;
      }
      sleep(Duration.ofMillis(500));
    }
    return result;
  }

  private static Shell.Result update(String workflowId, String name, String input) {
    return stack
        .temporal()
        .cli("workflow", "update", "execute", "--name", name, "-w", workflowId, "--input", input);
  }

  private static long historyLength(String workflowId) {
    return stack
        .temporal()
        .stubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(RealTemporal.NAMESPACE)
                .setExecution(
                    io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                        .setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getHistoryLength();
  }

  private static String workflowId(String name) {
    return rr(name).getStatus().getTemporal().getWorkflowId();
  }

  private static String runId(String name) {
    return rr(name).getStatus().getTemporal().getRunId();
  }

  private static RemediationRequest rr(String name) {
    String ns = name.equals("recovery") ? "default" : NS;
    return kube.resources(RemediationRequest.class).inNamespace(ns).withName(name).get();
  }

  private static RemediationPhase phase(String name) {
    RemediationRequest rr = rr(name);
    return rr == null || rr.getStatus() == null ? null : rr.getStatus().getOverallPhase();
  }

  private static NotificationRequest notification(String name) {
    return kube.resources(NotificationRequest.class).inNamespace(NS).withName(name).get();
  }

  private static void awaitPhase(String name, RemediationPhase phase) {
    await().atMost(Duration.ofMinutes(2)).until(() -> phase(name) == phase);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
