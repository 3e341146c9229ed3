package ai.kubernaut.orchestrator.orchestrator.realstack;

import static ai.kubernaut.orchestrator.orchestrator.TestSupport.SPEC_SEARCH_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.orchestrator.temporal.SearchAttributeRegistrar;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orchestrator's start-up registration of its search attributes on the real Temporal server,
 * each case in a namespace of its own made for it: it lists first and adds only what is missing,
 * and an attribute of the wrong type stops the start.
 */
@ExtendWith(RealKubernetesExtension.class)
class SearchAttributeRegistrarRealIT {

  private OperatorServiceStubs operator;

  @BeforeEach
  void connect(RealOrchestratorStack stack) {
    operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(stack.temporal().target())
                .validateAndBuildWithDefaults());
  }

  @AfterEach
  void disconnect() {
    operator.shutdownNow();
  }

  @Test
  void registersWhatIsMissingOnceAndThenFindsItThere(RealOrchestratorStack stack) {
    String namespace = newNamespace(stack, "registrar-fresh");
    SearchAttributeRegistrar registrar = new SearchAttributeRegistrar(operator);

    SearchAttributeRegistrar.Registration first =
        registrar.registerMissing(namespace, SPEC_SEARCH_ATTRIBUTES);
    SearchAttributeRegistrar.Registration second =
        registrar.registerMissing(namespace, SPEC_SEARCH_ATTRIBUTES);

    assertThat(first.added()).containsExactlyInAnyOrderElementsOf(SPEC_SEARCH_ATTRIBUTES.keySet());
    assertThat(first.alreadyPresent()).isEmpty();
    assertThat(second.added()).isEmpty();
    assertThat(second.alreadyPresent())
        .containsExactlyInAnyOrderElementsOf(SPEC_SEARCH_ATTRIBUTES.keySet());
    Shell.Result listed =
        stack.temporal().cli("operator", "search-attribute", "list", "--namespace", namespace);
    assertThat(listed.stdout()).contains(SPEC_SEARCH_ATTRIBUTES.keySet());
  }

  @Test
  void addsOnlyWhatIsMissingAndRefusesAnAttributeOfAnotherType(RealOrchestratorStack stack) {
    String namespace = newNamespace(stack, "registrar-partial");
    SearchAttributeRegistrar registrar = new SearchAttributeRegistrar(operator);
    registrar.registerMissing(
        namespace, Map.of("RemediationPhase", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));

    SearchAttributeRegistrar.Registration result =
        registrar.registerMissing(
            namespace,
            Map.of(
                "RemediationPhase", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
                "RecoveryAttempts", IndexedValueType.INDEXED_VALUE_TYPE_INT));

    assertThat(result.added()).containsExactly("RecoveryAttempts");
    assertThat(result.alreadyPresent()).containsExactly("RemediationPhase");
    assertThatThrownBy(
            () ->
                registrar.registerMissing(
                    namespace,
                    Map.of("RecoveryAttempts", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RecoveryAttempts exists in namespace " + namespace);
  }

  private static String newNamespace(RealOrchestratorStack stack, String name) {
    Shell.Result created = stack.temporal().cli("operator", "namespace", "create", "-n", name);
    if (created.exitCode() != 0 && !created.output().contains("already")) {
      throw new IllegalStateException("namespace " + name + ": " + created.output());
    }
    return name;
  }
}
