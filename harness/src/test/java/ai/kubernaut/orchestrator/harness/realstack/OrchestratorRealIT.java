package ai.kubernaut.orchestrator.harness.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.harness.sandbox.ScenarioRun;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.deploy.DeployManifests;
import ai.kubernaut.orchestrator.orchestrator.deploy.RbacCoverage;
import ai.kubernaut.orchestrator.orchestrator.realstack.AuditLog;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealKubernetesExtension;
import ai.kubernaut.orchestrator.orchestrator.realstack.RealOrchestratorStack;
import ai.kubernaut.orchestrator.orchestrator.realstack.Shell;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orchestrator, as its own process under the shipped ServiceAccount and RBAC, on a real
 * kube-apiserver with a real garbage collector: the built-in scenarios, least privilege read off
 * the API server's audit log, and deletion through the finalizer and ownerReferences.
 */
@ExtendWith(RealKubernetesExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorRealIT {

  private static final String ORCHESTRATOR_USER =
      "system:serviceaccount:"
          + RealOrchestratorStack.SYSTEM_NAMESPACE
          + ":"
          + RealOrchestratorStack.SERVICE_ACCOUNT;

  @Test
  @Order(1)
  void everyBuiltInScenarioEndsAsExpectedOnARealApiServer(RealOrchestratorStack stack)
      throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    boolean allMatch =
        new ScenarioRun(
                stack.admin(),
                "scenarios",
                new PrintStream(output, true, StandardCharsets.UTF_8),
                Clock.systemUTC())
            .execute(Duration.ofMinutes(3));

    String report = output.toString(StandardCharsets.UTF_8);
    System.out.println(report);
    assertThat(allMatch)
        .as(report + "\norchestrator log:\n" + stack.orchestratorLogTail())
        .isTrue();
  }

  @Test
  @Order(10)
  void theShippedRbacGrantsEveryCallTheOrchestratorMadeAndEachGrantIsUsed(
      RealOrchestratorStack stack) {
    List<AuditLog.Entry> requests = AuditLog.by(stack.kubernetes(), ORCHESTRATOR_USER);
    Set<ApiCall> calls =
        requests.stream()
            .filter(e -> e.call() != null)
            .map(AuditLog.Entry::call)
            .collect(Collectors.toSet());

    RbacCoverage.Report report =
        RbacCoverage.check(
            calls,
            RbacCoverage.grantsOf(DeployManifests.orchestratorRbac()),
            RbacCoverage.ORCHESTRATOR_ALLOW_LIST);

    assertThat(requests).as("the audit log saw the orchestrator's requests").hasSizeGreaterThan(50);
    assertThat(
            requests.stream()
                .filter(e -> e.code() == 403)
                // a restarted API server answers 403 until its RBAC cache is loaded (FaultsRealIT
                // restarts it; the writes retry a 403 for 2 min): not a missing grant
                .filter(e -> !stack.kubernetes().warmingUpAt(e.time()))
                .map(AuditLog.Entry::uri))
        .as("requests the API server refused (403)")
        .isEmpty();
    assertThat(report.isClean()).as(report.describe()).isTrue();
    System.out.println(
        "RBAC on the real API server: "
            + requests.size()
            + " requests, "
            + calls.size()
            + " distinct calls, all granted; "
            + report.allowedUnused().size()
            + " allow-listed grants shown by kubectl auth can-i");
  }

  @Test
  @Order(2)
  void eachGrantIsAllowedAndNothingBeyondItIs(RealOrchestratorStack stack) {
    String as = "--as=" + ORCHESTRATOR_USER;
    int checked = 0;
    for (HasMetadata object : DeployManifests.orchestratorRbac()) {
      boolean namespaced = object instanceof Role;
      List<PolicyRule> rules =
          namespaced ? ((Role) object).getRules() : ((ClusterRole) object).getRules();
      String ns = namespaced ? RealOrchestratorStack.SYSTEM_NAMESPACE : "payments";
      for (PolicyRule rule : rules) {
        assertThat(rule.getApiGroups()).doesNotContain("*");
        assertThat(rule.getResources()).noneMatch(r -> r.contains("*"));
        assertThat(rule.getVerbs()).doesNotContain("*");
        List<String> names =
            rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                ? List.of("")
                : rule.getResourceNames();
        for (String group : rule.getApiGroups()) {
          for (String resource : rule.getResources()) {
            for (String verb : rule.getVerbs()) {
              for (String name : names) {
                Shell.Result answer =
                    stack.kubernetes().kubectl(canI(verb, group, resource, name, as, ns));
                assertThat(answer.stdout().strip()).as(answer.output()).isEqualTo("yes");
                checked++;
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    for (String[] denied :
        List.of(
            new String[] {"create", "remediationrequests.kubernaut.ai"},
            new String[] {"update", "remediationrequests.kubernaut.ai"},
            new String[] {"delete", "signalprocessings.kubernaut.ai"},
            new String[] {"update", "workflowexecutions.kubernaut.ai"},
            new String[] {"update", "notificationrequests.kubernaut.ai", "--subresource=status"},
            new String[] {"get", "secrets"},
            new String[] {"list", "pods"},
            new String[] {"delete", "events"},
            new String[] {"get", "leases.coordination.k8s.io"})) {
      List<String> args = new ArrayList<>(List.of("auth", "can-i", as, "-n", "payments"));
      args.addAll(List.of(denied));
      Shell.Result answer = stack.kubernetes().kubectl(args.toArray(String[]::new));
      assertThat(answer.stdout().strip()).as(answer.output()).isEqualTo("no");
    }
  }

  @Test
  @Order(3)
  void deletingAnRrCancelsItsWorkflowThenTheGarbageCollectorRemovesItsChildren(
      RealOrchestratorStack stack) {
    KubernetesClient kube = stack.admin();
    String ns = "deletion";
    kube.resource(
            TestSupport.scriptedRemediation(ns, "delete-me", Map.of(Script.ANALYSIS, "stuck")))
        .create();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> phaseOf(kube, ns, "delete-me") == RemediationPhase.ANALYZING);
    RemediationRequest rr = rr(kube, ns, "delete-me");
    String workflowId = rr.getStatus().getTemporal().getWorkflowId();
    assertThat(rr.getMetadata().getFinalizers()).contains("kubernaut.ai/remediation-orchestrator");
    assertThat(
            kube.resources(SignalProcessing.class).inNamespace(ns).withName("sp-delete-me").get())
        .isNotNull();

    kube.resource(rr).delete();

    await().atMost(Duration.ofSeconds(60)).until(() -> rr(kube, ns, "delete-me") == null);
    awaitWorkflow(stack, workflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(kube.resources(SignalProcessing.class).inNamespace(ns).list().getItems())
                  .isEmpty();
              assertThat(kube.resources(AIAnalysis.class).inNamespace(ns).list().getItems())
                  .isEmpty();
            });
    assertThat(
            kube.resources(NotificationRequest.class)
                .inNamespace(ns)
                .withName("nr-statusupdate-delete-me")
                .get())
        .as("NotificationRequests are not owned by the RR and outlive it for audit")
        .isNotNull();
  }

  @Test
  @Order(4)
  void aStuckChildEndsByThePhaseTimeoutAndIsMarkedFailed(RealOrchestratorStack stack) {
    KubernetesClient kube = stack.admin();
    String ns = "deletion";
    RemediationRequest stuckSp =
        TestSupport.scriptedRemediation(ns, "stuck-sp", Map.of(Script.SIGNAL_PROCESSING, "stuck"));
    stuckSp.getSpec().getTimeoutConfig().setProcessing("3s");
    RemediationRequest stuckAi =
        TestSupport.scriptedRemediation(ns, "stuck-ai", Map.of(Script.ANALYSIS, "stuck"));
    stuckAi.getSpec().getTimeoutConfig().setAnalyzing("3s");

    kube.resource(stuckSp).create();
    kube.resource(stuckAi).create();

    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                phaseOf(kube, ns, "stuck-sp") == RemediationPhase.TIMED_OUT
                    && phaseOf(kube, ns, "stuck-ai") == RemediationPhase.TIMED_OUT);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      kube.resources(SignalProcessing.class)
                          .inNamespace(ns)
                          .withName("sp-stuck-sp")
                          .get()
                          .getStatus()
                          .getPhase())
                  .isEqualTo(SignalProcessingPhase.FAILED);
              assertThat(
                      kube.resources(AIAnalysis.class)
                          .inNamespace(ns)
                          .withName("ai-stuck-ai")
                          .get()
                          .getStatus()
                          .getPhase())
                  .isEqualTo(AIAnalysisPhase.FAILED);
            });
  }

  @Test
  @Order(5)
  void aFinishedRrPastItsRetentionIsDeletedWithItsChildren(RealOrchestratorStack stack) {
    KubernetesClient kube = stack.admin();
    String ns = "deletion";
    kube.resource(TestSupport.scriptedRemediation(ns, "retained", Map.of())).create();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> phaseOf(kube, ns, "retained") == RemediationPhase.COMPLETED);
    // the run still writes status after Completed (the completion NR's ref): only once it has
    // closed is retentionExpiryTime ours to shorten, or its last write puts the real value back
    String workflowId = rr(kube, ns, "retained").getStatus().getTemporal().getWorkflowId();
    awaitWorkflow(stack, workflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    RemediationRequest done = rr(kube, ns, "retained");

    done.getStatus().setRetentionExpiryTime(Instant.now().minusSeconds(1).toString());
    kube.resource(done).updateStatus();

    await().atMost(Duration.ofSeconds(60)).until(() -> rr(kube, ns, "retained") == null);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                kube.resources(SignalProcessing.class).inNamespace(ns).withName("sp-retained").get()
                    == null);
  }

  /** {@code kubectl auth can-i} arguments for one verb on one resource[/subresource][ name]. */
  private static String[] canI(
      String verb, String group, String resource, String name, String as, String ns) {
    String[] parts = resource.split("/", 2);
    String target = group.isEmpty() ? parts[0] : parts[0] + "." + group;
    if (!name.isEmpty()) {
      target += "/" + name;
    }
    List<String> args = new ArrayList<>(List.of("auth", "can-i", verb, target, as, "-n", ns));
    if (parts.length == 2) {
      args.add("--subresource=" + parts[1]);
    }
    return args.toArray(String[]::new);
  }

  private static void awaitWorkflow(
      RealOrchestratorStack stack, String workflowId, WorkflowExecutionStatus status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        stack
                            .workflowClient()
                            .newUntypedWorkflowStub(workflowId)
                            .describe()
                            .getWorkflowExecutionInfo()
                            .getStatus())
                    .isEqualTo(status));
  }

  private static RemediationRequest rr(KubernetesClient kube, String ns, String name) {
    return kube.resources(RemediationRequest.class).inNamespace(ns).withName(name).get();
  }

  private static RemediationPhase phaseOf(KubernetesClient kube, String ns, String name) {
    RemediationRequest rr = rr(kube, ns, name);
    return rr == null || rr.getStatus() == null ? null : rr.getStatus().getOverallPhase();
  }
}
