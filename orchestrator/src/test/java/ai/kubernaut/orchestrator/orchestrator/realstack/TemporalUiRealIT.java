package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Temporal Web UI of the dev server, opened in headless Debian chromium by
 * realstack/ui/screenshots.mjs (playwright-core): the workflow list and one remediation's page,
 * reached through the RR's {@code status.temporal.uiURL}. The screenshots are kept in
 * target/ui-screenshots; docs/images holds the current pair shown in docs/operations.md.
 */
@ExtendWith(RealKubernetesExtension.class)
class TemporalUiRealIT {

  @Test
  void theUiShowsARemediationAsAPersonNeedsIt(RealOrchestratorStack stack) throws Exception {
    Path playwright =
        RealKubernetesExtension.install("browser")
            .orElseThrow(() -> new IllegalStateException("no chromium/playwright-core"));
    KubernetesClient kube = stack.admin();
    String ns = DocsExamples.NS;
    RemediationRequest rr =
        TestSupport.scriptedRemediation(ns, "ui-executing", Map.of(Script.EXECUTION, "stuck"));
    rr.getSpec().getTimeoutConfig().setExecuting("30m");
    rr.getSpec().getTimeoutConfig().setGlobal("1h");
    kube.resource(rr).create();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> phase(kube, ns, "ui-executing") == RemediationPhase.EXECUTING);
    String uiUrl = get(kube, ns, "ui-executing").getStatus().getTemporal().getUiURL();
    Path out = Path.of("target", "ui-screenshots").toAbsolutePath();
    Files.createDirectories(out);

    Shell.Result run =
        Shell.run(
            Duration.ofMinutes(3),
            Map.of(),
            List.of(
                "node",
                RealStackScripts.path("ui/screenshots.mjs").toString(),
                playwright.toString(),
                stack.temporal().uiUrl(),
                uiUrl,
                out.toString()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode pages =
        new ObjectMapper().readTree(run.stdout().lines().reduce((a, b) -> b).orElse("{}"));
    String list = pages.path("listText").asText();
    String history = pages.path("historyText").asText();
    String metadata = pages.path("metadataText").asText();
    String searchAttributes = pages.path("searchAttributesText").asText();
    assertThat(uiUrl).startsWith(stack.temporal().uiUrl() + "/namespaces/default/workflows/");
    assertThat(list).contains("RemediationWorkflow", "rr/payments/ui-executing/");
    assertThat(history).as(history).contains("rr/payments/ui-executing/", "executing timeout 30m");
    assertThat(metadata)
        .as(metadata)
        .contains(
            "OOMKilled on Deployment/ui-executing", "Executing", "Waiting for", "we-ui-executing");
    assertThat(searchAttributes)
        .as(searchAttributes)
        .contains(
            "RemediationPhase",
            "Executing",
            "SignalFingerprint",
            "SignalName",
            "TargetResource",
            "Deployment/payments/ui-executing",
            "TargetNamespace",
            "Environment",
            "Severity",
            "Priority",
            "RecoveryAttempts");
    for (String shot : List.of("listShot", "historyShot", "metadataShot", "searchAttributesShot")) {
      assertThat(Files.size(Path.of(pages.path(shot).asText()))).as(shot).isGreaterThan(10_000);
    }
  }

  private static RemediationRequest get(KubernetesClient kube, String ns, String name) {
    return DocsExamples.get(kube, ns, name);
  }

  private static RemediationPhase phase(KubernetesClient kube, String ns, String name) {
    RemediationRequest rr = get(kube, ns, name);
    return rr == null || rr.getStatus() == null ? null : rr.getStatus().getOverallPhase();
  }
}
