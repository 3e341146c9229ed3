package ai.kubernaut.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.gateway.signal.AlertmanagerPayloads;
import ai.kubernaut.orchestrator.gateway.signal.Signal;
import ai.kubernaut.orchestrator.gateway.signal.TargetMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/gateway.md says what the code does: rules, receiver file, example fingerprint and name. */
class GatewayDocTest {

  static final Path ROOT = Path.of("..");
  static final Path DOC = ROOT.resolve("docs/gateway.md");

  @Test
  void listsEveryBuiltInTargetRuleInOrder() throws Exception {
    String doc = Files.readString(DOC);

    int last = -1;
    for (TargetMapping.Rule rule : TargetMapping.DEFAULT_RULES) {
      String row =
          "| `"
              + rule.label()
              + "` | "
              + rule.kind()
              + " | "
              + rule.apiVersion()
              + " | "
              + (rule.clusterScoped() ? "cluster" : "namespaced")
              + " |";
      assertThat(doc).contains(row);
      assertThat(doc.indexOf(row)).as("order of %s", rule.label()).isGreaterThan(last);
      last = doc.indexOf(row);
    }
  }

  @Test
  void showsTheTestedAlertmanagerReceiverVerbatim() throws Exception {
    String receiver =
        Files.readString(
            ROOT.resolve("deploy/monitoring/alertmanager/kubernaut-gateway-receiver.yaml"));

    assertThat(Files.readString(DOC)).contains("```yaml\n" + receiver + "```");
  }

  @Test
  void theSandboxExampleHasTheDocumentedFingerprintAndName() throws Exception {
    Signal signal =
        new AlertmanagerPayloads(TargetMapping.defaults())
            .parse(Files.readAllBytes(ROOT.resolve("docs/examples/alertmanager-webhook.json")))
            .get(0);

    String doc = Files.readString(DOC);
    assertThat(doc).contains(signal.fingerprint());
    assertThat(doc).contains(RemediationRequests.name(signal.fingerprint(), 1));
  }
}
