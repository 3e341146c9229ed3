package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetType;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRDs as a real API server enforces them at admission: the CEL immutability rule on spec, a
 * required spec, and the schema's enum, pattern and length rules, each answered with a message that
 * names the field. RRs here live in a namespace nothing watches, so only admission acts.
 */
@ExtendWith(RealKubernetesExtension.class)
class CrdAdmissionRealIT {

  private static final String NS = "admission";

  @TempDir Path dir;

  @Test
  void aSpecEditIsRejectedByTheImmutabilityRule(RealOrchestratorStack stack) throws Exception {
    create(stack, "immutable", rr -> {});

    Shell.Result patch =
        patch(stack, "immutable", "merge", "{\"spec\":{\"signalName\":\"SomethingElse\"}}");

    assertThat(patch.exitCode()).as(patch.output()).isNotZero();
    assertThat(patch.stderr()).contains("spec is immutable");
  }

  @Test
  void removingTheWholeSpecIsRejected(RealOrchestratorStack stack) throws Exception {
    create(stack, "keep-spec", rr -> {});

    Shell.Result patch =
        patch(stack, "keep-spec", "json", "[{\"op\":\"remove\",\"path\":\"/spec\"}]");

    assertThat(patch.exitCode()).as(patch.output()).isNotZero();
    assertThat(patch.stderr()).contains("spec");
    assertThat(read(stack.admin(), "keep-spec").getSpec()).isNotNull();
  }

  private static Shell.Result patch(
      RealOrchestratorStack stack, String name, String type, String patch) {
    return stack.kubernetes().kubectl("-n", NS, "patch", "rr", name, "--type=" + type, "-p", patch);
  }

  @Test
  void schemaViolationsAreRejectedNamingTheField(RealOrchestratorStack stack) throws Exception {
    assertRejected(
        stack,
        "bad-fingerprint",
        rr -> rr.getSpec().setSignalFingerprint("ABC"),
        "spec.signalFingerprint");
    assertRejected(
        stack, "long-signal", rr -> rr.getSpec().setSignalName("x".repeat(254)), "spec.signalName");
    assertRejected(stack, "no-severity", rr -> rr.getSpec().setSeverity(null), "spec.severity");
    assertRejected(
        stack,
        "bad-target-type",
        rr -> rr.getSpec().setTargetType(TargetType.KUBERNETES),
        yaml -> yaml.replace("targetType: \"kubernetes\"", "targetType: \"mainframe\""),
        "spec.targetType");
    assertRejected(
        stack,
        "no-target-kind",
        rr -> rr.getSpec().getTargetResource().setKind(null),
        "spec.targetResource.kind");
  }

  @Test
  void whatAdmissionCannotExpressEndsFailedConfigurationNamingTheField(
      RealOrchestratorStack stack) {
    KubernetesClient kube = stack.admin();
    RemediationRequest rr =
        TestSupport.scriptedRemediation("configuration", "provider-data-not-json", Map.of());
    rr.getSpec().setProviderData("{not json");

    kube.resource(rr).create();

    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> {
              RemediationRequest now =
                  kube.resources(RemediationRequest.class)
                      .inNamespace("configuration")
                      .withName("provider-data-not-json")
                      .get();
              assertThat(now.getStatus()).isNotNull();
              assertThat(now.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.FAILED);
              assertThat(now.getStatus().getFailurePhase()).isEqualTo("Configuration");
              assertThat(now.getStatus().getMessage()).contains("spec.providerData");
            });
  }

  private void assertRejected(
      RealOrchestratorStack stack, String name, Consumer<RemediationRequest> change, String field)
      throws Exception {
    assertRejected(stack, name, change, UnaryOperator.identity(), field);
  }

  private void assertRejected(
      RealOrchestratorStack stack,
      String name,
      Consumer<RemediationRequest> change,
      UnaryOperator<String> yamlEdit,
      String field)
      throws Exception {
    Shell.Result result = kubectlCreate(stack, name, change, yamlEdit);
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.stderr()).as(result.output()).contains(field);
    assertThat(read(stack.admin(), name)).isNull();
  }

  private void create(RealOrchestratorStack stack, String name, Consumer<RemediationRequest> change)
      throws Exception {
    Shell.Result result = kubectlCreate(stack, name, change, UnaryOperator.identity());
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  /** {@code kubectl create -f} of a valid RR changed by {@code change}, as a user would. */
  private Shell.Result kubectlCreate(
      RealOrchestratorStack stack,
      String name,
      Consumer<RemediationRequest> change,
      UnaryOperator<String> yamlEdit)
      throws Exception {
    stack.newNamespace(NS);
    RemediationRequest rr = TestSupport.scriptedRemediation(NS, name, Map.of());
    change.accept(rr);
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yamlEdit.apply(Serialization.asYaml(rr)));
    return stack.kubernetes().kubectl("create", "-f", file.toString());
  }

  private static RemediationRequest read(KubernetesClient kube, String name) {
    return kube.resources(RemediationRequest.class).inNamespace(NS).withName(name).get();
  }
}
