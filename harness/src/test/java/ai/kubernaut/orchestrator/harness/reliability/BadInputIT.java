package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import ai.kubernaut.orchestrator.workflows.model.ApprovalCommand;
import ai.kubernaut.orchestrator.workflows.model.ApprovalResult;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutRequest;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed RemediationRequests (sent as raw JSON, as the stand-in has no CRD schema to stop them)
 * end Failed/Configuration with a message naming the field and an Escalation NR, while valid RRs
 * created at the same time complete; invalid operator updates are refused by the validators.
 */
class BadInputIT {

  @RegisterExtension static final ReliabilityStack stack = ReliabilityStack.perClass();

  record Case(String name, String field, Consumer<Map<String, Object>> mutate) {}

  private static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("no-fingerprint", "spec.signalFingerprint", s -> s.remove("signalFingerprint")));
    c.add(
        new Case(
            "upper-fingerprint",
            "spec.signalFingerprint",
            s -> s.put("signalFingerprint", "A".repeat(64))));
    c.add(
        new Case(
            "short-fingerprint",
            "spec.signalFingerprint",
            s -> s.put("signalFingerprint", "abc123")));
    c.add(new Case("no-signal-name", "spec.signalName", s -> s.remove("signalName")));
    c.add(
        new Case("long-signal-name", "spec.signalName", s -> s.put("signalName", "x".repeat(254))));
    c.add(
        new Case(
            "unicode-signal-name", "spec.signalName", s -> s.put("signalName", "é".repeat(254))));
    c.add(new Case("no-severity", "spec.severity", s -> s.remove("severity")));
    c.add(new Case("blank-severity", "spec.severity", s -> s.put("severity", "   ")));
    c.add(new Case("bad-target-type", "spec.targetType", s -> s.put("targetType", "openstack")));
    c.add(new Case("no-target", "spec.targetResource", s -> s.remove("targetResource")));
    c.add(
        new Case(
            "target-no-kind",
            "spec.targetResource.kind",
            s -> s.put("targetResource", Map.of("name", "x"))));
    c.add(
        new Case(
            "target-no-name",
            "spec.targetResource.name",
            s -> s.put("targetResource", Map.of("kind", "Deployment"))));
    c.add(
        new Case(
            "long-environment", "spec.environment", s -> s.put("environment", "e".repeat(64))));
    c.add(new Case("bad-priority", "spec.priority", s -> s.put("priority", "P9")));
    c.add(new Case("word-priority", "spec.priority", s -> s.put("priority", "high")));
    c.add(new Case("unicode-priority", "spec.priority", s -> s.put("priority", "P０")));
    c.add(new Case("bad-firing-time", "spec.firingTime", s -> s.put("firingTime", "yesterday")));
    c.add(
        new Case(
            "bad-received-time",
            "spec.receivedTime",
            s -> s.put("receivedTime", "2025-13-45T00:00:00Z")));
    c.add(
        new Case(
            "provider-not-json", "spec.providerData", s -> s.put("providerData", "{not json")));
    c.add(new Case("provider-truncated", "spec.providerData", s -> s.put("providerData", "[1,2")));
    c.add(
        new Case(
            "provider-trailing", "spec.providerData", s -> s.put("providerData", "{} trailing")));
    c.add(
        new Case(
            "oversize-payload",
            "spec.originalPayload",
            s -> s.put("originalPayload", "p".repeat(256 * 1024 + 1))));
    c.add(
        new Case(
            "negative-processing",
            "spec.timeoutConfig.processing",
            s -> s.put("timeoutConfig", Map.of("processing", "-5m"))));
    c.add(
        new Case(
            "zero-analyzing",
            "spec.timeoutConfig.analyzing",
            s -> s.put("timeoutConfig", Map.of("analyzing", "0s"))));
    c.add(
        new Case(
            "absurd-executing",
            "spec.timeoutConfig.executing",
            s -> s.put("timeoutConfig", Map.of("executing", "1000h"))));
    c.add(
        new Case(
            "absurd-global",
            "spec.timeoutConfig.global",
            s -> s.put("timeoutConfig", Map.of("global", "800h"))));
    c.add(
        new Case(
            "negative-global",
            "spec.timeoutConfig.global",
            s -> s.put("timeoutConfig", Map.of("global", "-1h"))));
    c.add(
        new Case(
            "words-approval-timeout",
            "spec.timeoutConfig.awaitingApproval",
            s -> s.put("timeoutConfig", Map.of("awaitingApproval", "ten minutes"))));
    c.add(
        new Case(
            "bad-unit-recovering",
            "spec.timeoutConfig.recovering",
            s -> s.put("timeoutConfig", Map.of("recovering", "5x"))));
    c.add(
        new Case(
            "negative-attempts",
            "spec.recoveryConfig.maxAttempts",
            s -> s.put("recoveryConfig", Map.of("maxAttempts", -1))));
    c.add(
        new Case(
            "absurd-attempts",
            "spec.recoveryConfig.maxAttempts",
            s -> s.put("recoveryConfig", Map.of("maxAttempts", 1000))));
    c.add(
        new Case("n".repeat(240) + "-max-name", "spec.priority", s -> s.put("priority", "urgent")));
    return c;
  }

  private static Map<String, Object> validSpec(String name) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("signalFingerprint", "0".repeat(56) + String.format("%08x", name.hashCode()));
    spec.put("signalName", "BadInput");
    spec.put("severity", "critical");
    spec.put("targetResource", Map.of("kind", "Deployment", "name", "app-" + name.hashCode()));
    return spec;
  }

  @Test
  void everyMalformedRequestFailsAsConfigurationWhileValidOnesComplete() {
    String ns = stack.namespace("bad");
    ResourceDefinitionContext rrs =
        new ResourceDefinitionContext.Builder()
            .withGroup("kubernaut.ai")
            .withVersion("v1alpha1")
            .withKind("RemediationRequest")
            .withPlural("remediationrequests")
            .withNamespaced(true)
            .build();
    List<Case> cases = cases();
    List<String> valid = List.of("valid-1", "valid-2", "valid-3", "valid-4", "n".repeat(253));
    long start = System.nanoTime();

    for (Case c : cases) {
      Map<String, Object> spec = validSpec(c.name());
      c.mutate().accept(spec);
      GenericKubernetesResource rr = new GenericKubernetesResource();
      rr.setApiVersion(KubernautCrds.API_VERSION);
      rr.setKind("RemediationRequest");
      rr.setMetadata(new ObjectMetaBuilder().withName(c.name()).withNamespace(ns).build());
      rr.setAdditionalProperty("spec", spec);
      stack.client.genericKubernetesResources(rrs).inNamespace(ns).resource(rr).create();
    }
    GenericKubernetesResource noSpec = new GenericKubernetesResource();
    noSpec.setApiVersion(KubernautCrds.API_VERSION);
    noSpec.setKind("RemediationRequest");
    noSpec.setMetadata(new ObjectMetaBuilder().withName("no-spec").withNamespace(ns).build());
    stack.client.genericKubernetesResources(rrs).inNamespace(ns).resource(noSpec).create();
    for (String name : valid) {
      stack.create(ReliabilityStack.rr(ns, name, "success"));
    }
    List<String> all = new ArrayList<>(cases.stream().map(Case::name).toList());
    all.add("no-spec");
    all.addAll(valid);
    stack.awaitTerminal(ns, all, Duration.ofMinutes(2));

    System.out.printf(
        "bad input: %d malformed + 1 without spec + %d valid RRs terminal in %.1f s%n",
        cases.size(), valid.size(), (System.nanoTime() - start) / 1e9);
    List<Case> withNoSpec = new ArrayList<>(cases);
    withNoSpec.add(new Case("no-spec", "spec", s -> {}));
    for (Case c : withNoSpec) {
      RemediationRequestStatus status = stack.get(ns, c.name()).getStatus();
      System.out.printf(
          "  %-28s -> %s/%s failurePhase=%s message=%s%n",
          c.name().length() > 28
              ? c.name().substring(0, 12) + "...(" + c.name().length() + ")"
              : c.name(),
          status.getOverallPhase(),
          status.getOutcome(),
          status.getFailurePhase(),
          abbreviate(status.getMessage()));
      assertThat(status.getOverallPhase()).as(c.name()).isEqualTo(RemediationPhase.FAILED);
      assertThat(status.getFailurePhase()).as(c.name()).isEqualTo("Configuration");
      assertThat(status.getMessage()).as(c.name()).contains(c.field());
      assertThat(stack.notificationsByType(ns, c.name()))
          .as(c.name())
          .containsEntry("Escalation", 1L);
    }
    for (String name : valid) {
      RemediationRequest rr = stack.get(ns, name);
      System.out.printf(
          "  valid %-22s -> %s/%s%n",
          name.length() > 22 ? "(" + name.length() + " chars)" : name,
          rr.getStatus().getOverallPhase(),
          rr.getStatus().getOutcome());
      assertThat(rr.getStatus().getOverallPhase()).as(name).isEqualTo(RemediationPhase.COMPLETED);
      assertThat(rr.getStatus().getOutcome()).as(name).isEqualTo(RemediationOutcome.REMEDIATED);
    }
  }

  @Test
  void invalidOperatorUpdatesAreRejectedByTheValidators() {
    String ns = stack.namespace("ops");
    stack.create(
        ReliabilityStack.rr(
            ns, "stuck", Map.of(Script.SCENARIO, "timeout"), Map.of("executing", "2m")));
    stack.awaitPhase(ns, "stuck", RemediationPhase.EXECUTING, Duration.ofSeconds(60));
    WorkflowClient client = stack.stack.app().context().workflowClient();
    WorkflowStub wf =
        client.newUntypedWorkflowStub(
            stack.get(ns, "stuck").getStatus().getTemporal().getWorkflowId());

    assertRejected(
        () ->
            wf.update(
                "extendTimeout",
                ExtendTimeoutResult.class,
                new ExtendTimeoutRequest("Executing", "-5m")),
        "\"by\": by: must not be negative, got \"-5m\"");
    assertRejected(
        () ->
            wf.update(
                "extendTimeout",
                ExtendTimeoutResult.class,
                new ExtendTimeoutRequest("Lunch", "5m")),
        "unknown phase \"Lunch\"");
    assertRejected(
        () ->
            wf.update(
                "extendTimeout",
                ExtendTimeoutResult.class,
                new ExtendTimeoutRequest("Executing", "soon")),
        "\"by\": by: invalid duration \"soon\"");
    assertRejected(
        () -> wf.update("approve", ApprovalResult.class, new ApprovalCommand("", "ok")),
        "approve needs \"by\"");
    assertRejected(
        () -> wf.update("approve", ApprovalResult.class, new ApprovalCommand("alice", "ok")),
        "approve does not apply: no approval is pending (phase Executing)");
    assertRejected(
        () -> wf.update("reject", ApprovalResult.class, new ApprovalCommand("bob", "no")),
        "reject does not apply: no approval is pending");

    stack.create(ReliabilityStack.rr(ns, "done", "success"));
    stack.awaitTerminal(ns, "done", Duration.ofSeconds(60));
    WorkflowStub finished =
        client.newUntypedWorkflowStub(
            stack.get(ns, "done").getStatus().getTemporal().getWorkflowId());
    assertThat(finished.getResult(Object.class)).isNotNull();
    assertThatThrownBy(
            () ->
                finished.update(
                    "extendTimeout",
                    ExtendTimeoutResult.class,
                    new ExtendTimeoutRequest("Executing", "5m")))
        .as("a finished remediation takes no update")
        .isInstanceOf(io.temporal.client.WorkflowException.class);
  }

  private static void assertRejected(Runnable update, String message) {
    assertThatThrownBy(update::run)
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(
            e -> {
              Throwable cause = e;
              StringBuilder all = new StringBuilder();
              while (cause != null) {
                all.append(cause.getMessage()).append(" | ");
                cause = cause.getCause();
              }
              String text = all.toString();
              int at = text.indexOf("message=");
              System.out.printf(
                  "  update rejected: %s%n", abbreviate(at < 0 ? text : text.substring(at)));
              assertThat(all.toString()).contains(message);
            });
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
