package ai.kubernaut.orchestrator.orchestrator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layers of docs/architecture.md as rules on the compiled classes: dependencies point one way
 * (harness → orchestrator → crd-bridge, activities → kube-model → workflows, api).
 */
final class LayerRules {

  private LayerRules() {}

  /** The workflows are deterministic Temporal code: no Kubernetes client or model. */
  static final ArchRule WORKFLOWS_WITHOUT_KUBERNETES =
      noClasses()
          .that()
          .resideInAPackage("ai.kubernaut.orchestrator.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fabric8..")
          .as("workflows use no io.fabric8 class");

  /** The bridge reaches Kubernetes writers through the workflows' activity interfaces only. */
  static final ArchRule BRIDGE_WITHOUT_ACTIVITIES =
      noClasses()
          .that()
          .resideInAPackage("ai.kubernaut.orchestrator.bridge..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.kubernaut.orchestrator.activities..")
          .as("the CRD bridge does not depend on the activities");

  /** The shared model is pure: no activities, bridge, service or API client calls. */
  static final ArchRule KUBE_MODEL_IS_PURE =
      noClasses()
          .that()
          .resideInAPackage("ai.kubernaut.orchestrator.kube..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "ai.kubernaut.orchestrator.activities..",
              "ai.kubernaut.orchestrator.bridge..",
              "ai.kubernaut.orchestrator.orchestrator..",
              "io.fabric8.kubernetes.client..")
          .as("kube-model depends on api and workflows only, and calls no API");

  /** The CRD model knows nothing of the code that uses it. */
  static final ArchRule API_AT_THE_BOTTOM =
      noClasses()
          .that()
          .resideInAPackage("ai.kubernaut.orchestrator.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "ai.kubernaut.orchestrator.workflows..",
              "ai.kubernaut.orchestrator.kube..",
              "ai.kubernaut.orchestrator.activities..",
              "ai.kubernaut.orchestrator.bridge..",
              "ai.kubernaut.orchestrator.orchestrator..")
          .as("api depends on no other module");

  /**
   * The service ships without the test harness: the API stand-in, the Temporal test server, the
   * simulated controllers and the sandbox commands (module harness) wrap it from outside.
   */
  static final ArchRule SERVICE_WITHOUT_SANDBOX =
      noClasses()
          .that()
          .resideInAPackage("ai.kubernaut.orchestrator.orchestrator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "ai.kubernaut.orchestrator.sandbox..",
              "ai.kubernaut.orchestrator.harness..",
              "io.temporal.testing..",
              "io.temporal.testserver..",
              "io.fabric8.kubernetes.client.server.mock..",
              "io.fabric8.mockwebserver..")
          .as("the service uses no sandbox, harness or test-server class");

  static final List<ArchRule> ALL =
      List.of(
          WORKFLOWS_WITHOUT_KUBERNETES,
          BRIDGE_WITHOUT_ACTIVITIES,
          KUBE_MODEL_IS_PURE,
          API_AT_THE_BOTTOM,
          SERVICE_WITHOUT_SANDBOX);
}
