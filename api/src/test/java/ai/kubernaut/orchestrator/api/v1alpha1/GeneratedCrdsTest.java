package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.kubernaut.orchestrator.api.crdgen.PrinterColumnOrder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedCrdsTest {

  @Test
  void shipsOneCrdPerKindOnTheClasspath() {
    assertThat(KubernautCrds.resourcePaths())
        .containsExactly(
            "META-INF/fabric8/remediationrequests.kubernaut.ai-v1.yml",
            "META-INF/fabric8/signalprocessings.kubernaut.ai-v1.yml",
            "META-INF/fabric8/aianalyses.kubernaut.ai-v1.yml",
            "META-INF/fabric8/remediationapprovalrequests.kubernaut.ai-v1.yml",
            "META-INF/fabric8/workflowexecutions.kubernaut.ai-v1.yml",
            "META-INF/fabric8/notificationrequests.kubernaut.ai-v1.yml");
    for (Class<? extends CustomResource<?, ?>> kind : KubernautCrds.KINDS) {
      CustomResourceDefinition crd = crd(kind);
      CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);

      assertThat(crd.getSpec().getGroup()).isEqualTo("kubernaut.ai");
      assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
      assertThat(crd.getSpec().getNames().getCategories()).containsExactly("kubernaut");
      assertThat(version.getName()).isEqualTo("v1alpha1");
      assertThat(version.getSubresources().getStatus()).as(kind.getSimpleName()).isNotNull();
      assertThat(version.getAdditionalPrinterColumns())
          .extracting(CustomResourceColumnDefinition::getName)
          .contains("Age");
    }
  }

  @Test
  void givesRemediationRequestsTheShortNameRrAndTheStatusSubresource() {
    CustomResourceDefinition crd = crd(RemediationRequest.class);

    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("rr");
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("kubernaut");
    assertThat(version(crd).getSubresources().getStatus()).isNotNull();
  }

  @Test
  void givesEveryKindOneShortName() {
    assertThat(KubernautCrds.KINDS)
        .extracting(kind -> crd(kind).getSpec().getNames().getShortNames())
        .containsExactly(
            List.of("rr"),
            List.of("sp"),
            List.of("ai"),
            List.of("rar"),
            List.of("we"),
            List.of("nr"));
  }

  @Test
  void showsPhaseOutcomeSignalTargetAttemptsAgeThenFingerprintAndWorkflowIdInWideOutput() {
    var columns = version(crd(RemediationRequest.class)).getAdditionalPrinterColumns();

    assertThat(columns)
        .extracting(
            CustomResourceColumnDefinition::getName,
            CustomResourceColumnDefinition::getJsonPath,
            CustomResourceColumnDefinition::getType,
            CustomResourceColumnDefinition::getPriority)
        .containsExactly(
            tuple("Phase", ".status.overallPhase", "string", 0),
            tuple("Outcome", ".status.outcome", "string", 0),
            tuple("Signal", ".spec.signalName", "string", 0),
            tuple("Target", ".spec.targetResource.name", "string", 0),
            tuple("Attempts", ".status.recoveryAttempts", "integer", 0),
            tuple("Age", ".metadata.creationTimestamp", "date", 0),
            tuple("Fingerprint", ".status.shortFingerprint", "string", 1),
            tuple("Workflow ID", ".status.temporal.workflowId", "string", 1));
  }

  @Test
  void listsEveryKindsColumnsInDeclarationOrderWithAgeLastOfTheNarrowOnes() {
    for (Class<? extends CustomResource<?, ?>> kind : KubernautCrds.KINDS) {
      var columns = version(crd(kind)).getAdditionalPrinterColumns();

      assertThat(columns)
          .as(kind.getSimpleName())
          .extracting(CustomResourceColumnDefinition::getName)
          .containsExactlyElementsOf(PrinterColumnOrder.declaredColumns(kind));
      List<Integer> priorities =
          columns.stream().map(CustomResourceColumnDefinition::getPriority).toList();
      int age =
          columns.stream().map(CustomResourceColumnDefinition::getName).toList().indexOf("Age");
      assertThat(priorities.subList(0, age + 1))
          .as(kind.getSimpleName() + ": the narrow columns, ending with Age")
          .containsOnly(0);
      assertThat(priorities.subList(age + 1, priorities.size()))
          .as(kind.getSimpleName() + ": the wide-only columns, after Age")
          .containsOnly(1);
    }
  }

  @Test
  void makesTheWholeRemediationRequestSpecRequiredAndImmutable() {
    JSONSchemaProps root = schema(RemediationRequest.class);
    JSONSchemaProps spec = root.getProperties().get("spec");

    assertThat(root.getRequired()).containsExactly("spec");
    assertThat(spec.getXKubernetesValidations())
        .filteredOn(rule -> rule.getRule().equals("self == oldSelf"))
        .singleElement()
        .satisfies(rule -> assertThat(rule.getMessage()).isEqualTo("spec is immutable"));
  }

  @Test
  void requiresATargetResourceForKubernetesTargets() {
    JSONSchemaProps spec = schema(RemediationRequest.class).getProperties().get("spec");

    assertThat(spec.getXKubernetesValidations())
        .filteredOn(rule -> rule.getRule().contains("targetResource"))
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getRule())
                  .isEqualTo(
                      "has(self.targetResource) || (has(self.targetType) && self.targetType !="
                          + " 'kubernetes')");
              assertThat(rule.getFieldPath()).isEqualTo(".targetResource");
              assertThat(rule.getReason()).isEqualTo("FieldValueRequired");
            });
  }

  @Test
  void enforcesTheRequiredSignalFieldsAndTheirFormat() {
    JSONSchemaProps spec = schema(RemediationRequest.class).getProperties().get("spec");

    assertThat(spec.getRequired())
        .containsExactlyInAnyOrder("signalFingerprint", "signalName", "severity");
    assertThat(spec.getProperties().get("signalFingerprint").getPattern())
        .isEqualTo("^[a-f0-9]{64}$");
    assertThat(spec.getProperties().get("signalName").getMaxLength()).isEqualTo(253L);
    assertThat(spec.getProperties().get("severity").getMinLength()).isEqualTo(1L);
    assertThat(spec.getProperties().get("targetResource").getRequired())
        .containsExactlyInAnyOrder("kind", "name");
    assertThat(spec.getProperties().get("targetType").getEnum())
        .extracting(Serialization::asJson)
        .containsExactlyInAnyOrder(
            "\"aws\"", "\"azure\"", "\"datadog\"", "\"gcp\"", "\"kubernetes\"");
  }

  @Test
  void leavesTheUnknownPlaceholderOutOfEveryEnumInTheSchema() {
    for (Class<? extends CustomResource<?, ?>> kind : KubernautCrds.KINDS) {
      assertThat(Fixtures.text(KubernautCrds.resourcePath(kind)))
          .as(kind.getSimpleName())
          .doesNotContain("Unknown");
    }
  }

  private static CustomResourceDefinition crd(Class<? extends CustomResource<?, ?>> kind) {
    return Serialization.unmarshal(
        Fixtures.text(KubernautCrds.resourcePath(kind)), CustomResourceDefinition.class);
  }

  private static CustomResourceDefinitionVersion version(CustomResourceDefinition crd) {
    return crd.getSpec().getVersions().get(0);
  }

  private static JSONSchemaProps schema(Class<? extends CustomResource<?, ?>> kind) {
    return version(crd(kind)).getSchema().getOpenAPIV3Schema();
  }
}
