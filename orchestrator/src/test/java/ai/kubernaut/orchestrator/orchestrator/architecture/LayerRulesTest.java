package ai.kubernaut.orchestrator.orchestrator.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layer rules hold for the production classes of every module, and each rule reports a class
 * that breaks it (the fixtures in {@code ai.kubernaut.orchestrator.*.layerviolation}, test code
 * made to break them).
 */
class LayerRulesTest {

  /**
   * Our classes from the module folders or jars the build puts on the class path (jars once the
   * modules are packaged), without test classes or test jars.
   */
  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(
              location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
          .importPackages("ai.kubernaut.orchestrator");

  @Test
  void productionCodeKeepsEveryLayerRule() {
    assertThat(PRODUCTION.containPackage("ai.kubernaut.orchestrator.workflows")).isTrue();
    assertThat(PRODUCTION.containPackage("ai.kubernaut.orchestrator.bridge")).isTrue();
    assertThat(PRODUCTION.containPackage("ai.kubernaut.orchestrator.kube")).isTrue();
    assertThat(PRODUCTION.containPackage("ai.kubernaut.orchestrator.orchestrator")).isTrue();
    for (ArchRule rule : LayerRules.ALL) {
      rule.check(PRODUCTION);
    }
  }

  @Test
  void aWorkflowClassUsingFabric8BreaksItsRule() {
    JavaClasses violation =
        new ClassFileImporter()
            .importClasses(
                ai.kubernaut.orchestrator.workflows.layerviolation.WorkflowReadingKubernetes.class);

    assertThat(LayerRules.WORKFLOWS_WITHOUT_KUBERNETES.evaluate(violation).hasViolation()).isTrue();
  }

  @Test
  void aBridgeClassUsingAnActivityBreaksItsRule() {
    JavaClasses violation =
        new ClassFileImporter()
            .importClasses(
                ai.kubernaut.orchestrator.bridge.layerviolation.BridgeCallingAnActivity.class);

    assertThat(LayerRules.BRIDGE_WITHOUT_ACTIVITIES.evaluate(violation).hasViolation()).isTrue();
  }

  @Test
  void aServiceClassUsingTheSandboxBreaksItsRule() {
    JavaClasses violation =
        new ClassFileImporter()
            .importClasses(
                ai.kubernaut.orchestrator.orchestrator.layerviolation.ServiceStartingATestServer
                    .class);

    assertThat(LayerRules.SERVICE_WITHOUT_SANDBOX.evaluate(violation).hasViolation()).isTrue();
  }
}
