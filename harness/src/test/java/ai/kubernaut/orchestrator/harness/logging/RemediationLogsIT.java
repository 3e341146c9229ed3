package ai.kubernaut.orchestrator.harness.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.harness.HarnessTestSupport;
import ai.kubernaut.orchestrator.harness.InProcessSystem;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.deploy.DeployManifests;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.OrchestratorApp;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import ai.kubernaut.orchestrator.orchestrator.realstack.DocumentedCommands;
import ai.kubernaut.orchestrator.workflows.logging.RemediationMdc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two remediations run on the sandbox stack with JSON logs, as in production: every line their
 * workflow threads and activities log names the RR in the MDC, and the log recipe of
 * docs/operations.md (read from the docs) finds all of one remediation's lines, from the bridge,
 * the workflow and the activities, and none of the other's.
 */
class RemediationLogsIT {

  private static final String NS = "payments";
  private static final String RR = "disk-full-7f3a";

  /** Its name starts with RR's: the recipe must not match it. */
  private static final String OTHER = "disk-full-7f3a-2";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path logFile;
  static InProcessSystem system;
  static OrchestratorApp app;
  static KubernetesClient kube;

  @BeforeAll
  static void runTwoRemediationsWithJsonLogs() throws Exception {
    logFile = dir.resolve("orchestrator.log");
    LoggingConfigurator.configure(LogFormat.JSON, "INFO", logFile);
    system =
        InProcessSystem.start(
            temporal -> HarnessTestSupport.sandboxOrchestratorConfig(temporal, "--http-port=0"));
    app = system.app();
    kube = system.kube();
    kube.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    kube.resource(TestSupport.scriptedRemediation(NS, RR, Map.of())).create();
    kube.resource(TestSupport.scriptedRemediation(NS, OTHER, Map.of())).create();
    await().atMost(Duration.ofMinutes(2)).until(() -> completed(RR) && completed(OTHER));
    app.stop();
  }

  @AfterAll
  static void stop() {
    system.close();
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO");
  }

  @Test
  void everyLineOfTheWorkflowAndItsActivitiesNamesTheRr() throws IOException {
    String workflowId = workflowId(RR);

    List<JsonNode> ofTheWorkflow =
        events().stream()
            .filter(e -> workflowId.equals(mdc(e, RemediationMdc.WORKFLOW_ID)))
            .toList();

    assertThat(ofTheWorkflow)
        .as("workflow lines")
        .anyMatch(e -> e.path("loggerName").asText().endsWith("RemediationWorkflowImpl"));
    assertThat(ofTheWorkflow)
        .as("activity lines")
        .anyMatch(e -> mdc(e, RemediationMdc.ACTIVITY_TYPE) != null);
    assertThat(ofTheWorkflow)
        .allSatisfy(
            e -> {
              assertThat(mdc(e, RemediationMdc.RR_NAMESPACE)).as(e.toString()).isEqualTo(NS);
              assertThat(mdc(e, RemediationMdc.RR_NAME)).as(e.toString()).isEqualTo(RR);
            });
  }

  @Test
  void theDocumentedRecipeFindsTheWholeRemediationAndNothingElse() throws Exception {
    String command = documentedRecipe();
    String kubectl = command.substring(0, command.indexOf(" | "));
    String filter = command.substring(command.indexOf(" | ") + 3);
    List<String> lines = Files.readAllLines(logFile);
    List<String> asKubectlPrints = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      // what --prefix adds; two replicas, the lines spread over both
      asKubectlPrints.add(
          "[pod/kubernaut-orchestrator-" + (i % 2) + "/orchestrator] " + lines.get(i));
    }

    List<String> found = runFilter(filter, asKubectlPrints);

    assertThat(selectorOf(kubectl)).containsAllEntriesOf(podLabels()).hasSameSizeAs(podLabels());
    assertThat(kubectl).as("every line, not the last 10").contains("--tail=-1");
    List<String> expected =
        asKubectlPrints.stream()
            .filter(l -> NS.equals(mdc(parse(l), RemediationMdc.RR_NAMESPACE)))
            .filter(l -> RR.equals(mdc(parse(l), RemediationMdc.RR_NAME)))
            .toList();
    String workflowId = workflowId(RR);
    assertThat(found).isEqualTo(expected);
    assertThat(found)
        .as("every line of the workflow and its activities")
        .containsAll(
            asKubectlPrints.stream()
                .filter(l -> workflowId.equals(mdc(parse(l), RemediationMdc.WORKFLOW_ID)))
                .toList());
    assertThat(found.stream().map(l -> parse(l).path("loggerName").asText()))
        .as("the bridge's, the workflow's and the activities' lines")
        .anyMatch(n -> n.startsWith("ai.kubernaut.orchestrator.bridge."))
        .anyMatch(n -> n.endsWith("RemediationWorkflowImpl"))
        .anyMatch(n -> n.startsWith("ai.kubernaut.orchestrator.activities."));
    assertThat(found).noneMatch(l -> l.contains(OTHER));
  }

  private static String documentedRecipe() {
    List<DocumentedCommands.Command> recipes =
        DocumentedCommands.in(
            "docs/operations.md", c -> c.startsWith("kubectl -n kubernaut-system logs "));
    assertThat(recipes).as("the log recipe of docs/operations.md").hasSize(1);
    return recipes.get(0).text();
  }

  private static List<String> runFilter(String filter, List<String> input) throws Exception {
    Path in = Files.write(dir.resolve("kubectl-logs.txt"), input);
    Process p =
        new ProcessBuilder("bash", "-c", filter)
            .redirectInput(in.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.lines().toList();
  }

  private static Map<String, String> selectorOf(String kubectl) {
    String selector =
        Arrays.stream(kubectl.split("\\s+"))
            .dropWhile(a -> !a.equals("-l"))
            .skip(1)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no -l selector in " + kubectl));
    return Arrays.stream(selector.split(","))
        .map(kv -> kv.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
  }

  private static Map<String, String> podLabels() {
    Deployment deployment =
        DeployManifests.load(DeployManifests.repoRoot().resolve("deploy/base/deployment.yaml"))
            .stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    return deployment.getSpec().getTemplate().getMetadata().getLabels();
  }

  private static List<JsonNode> events() throws IOException {
    return Files.readAllLines(logFile).stream().map(RemediationLogsIT::parse).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line.substring(line.indexOf('{')));
    } catch (IOException e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }

  private static String mdc(JsonNode event, String key) {
    JsonNode value = event.path("mdc").get(key);
    return value == null ? null : value.asText();
  }

  private static String workflowId(String name) {
    return rr(name).getStatus().getTemporal().getWorkflowId();
  }

  private static boolean completed(String name) {
    RemediationRequest rr = rr(name);
    RemediationRequestStatus status = rr == null ? null : rr.getStatus();
    return status != null && status.getOverallPhase() == RemediationPhase.COMPLETED;
  }

  private static RemediationRequest rr(String name) {
    return kube.resources(RemediationRequest.class).inNamespace(NS).withName(name).get();
  }
}
