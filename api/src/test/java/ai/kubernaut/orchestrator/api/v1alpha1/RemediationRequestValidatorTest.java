package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RemediationRequestValidatorTest {

  @Test
  void acceptsTheFullyPopulatedFixture() {
    assertThat(RemediationRequestValidator.validate(Fixtures.validRemediationRequest())).isEmpty();
  }

  @Test
  void acceptsAMinimalSpec() {
    RemediationRequestSpec spec = new RemediationRequestSpec();
    spec.setSignalFingerprint("a".repeat(64));
    spec.setSignalName("HighMemoryUsage");
    spec.setSeverity("warning");
    TargetResource target = new TargetResource();
    target.setKind("Deployment");
    target.setName("payment-api");
    spec.setTargetResource(target);

    assertThat(RemediationRequestValidator.validate(spec)).isEmpty();
  }

  @Test
  void requiresASpec() {
    assertThat(messages(RemediationRequestValidator.validate(new RemediationRequest())))
        .containsExactly("spec: is required");
  }

  @Test
  void requiresTheSignalFieldsInSpecOrder() {
    List<Violation> violations =
        validate(
            spec -> {
              spec.setSignalFingerprint(null);
              spec.setSignalName(" ");
              spec.setSeverity(null);
            });

    assertThat(messages(violations))
        .containsExactly(
            "spec.signalFingerprint: is required",
            "spec.signalName: is required",
            "spec.severity: is required");
  }

  @Test
  void rejectsAFingerprintThatIsNotASha256InLowercaseHex() {
    assertThat(messages(validate(spec -> spec.setSignalFingerprint("A".repeat(64)))))
        .containsExactly(
            "spec.signalFingerprint: must be 64 lowercase hex characters (a SHA-256 digest)");
  }

  @Test
  void rejectsASignalNameLongerThan253Characters() {
    assertThat(messages(validate(spec -> spec.setSignalName("x".repeat(254)))))
        .containsExactly("spec.signalName: must be at most 253 characters, got 254");
  }

  @Test
  void rejectsAnUnknownTargetType() {
    assertThat(messages(validate(spec -> spec.setTargetType(TargetType.fromValue("vsphere")))))
        .containsExactly("spec.targetType: must be one of kubernetes, aws, azure, gcp, datadog");
  }

  @Test
  void requiresATargetResourceForKubernetesTargetsIncludingTheDefault() {
    assertThat(
            messages(
                validate(
                    spec -> {
                      spec.setTargetType(null);
                      spec.setTargetResource(null);
                    })))
        .containsExactly("spec.targetResource: is required when targetType is kubernetes");
  }

  @Test
  void requiresKindAndNameOfTheTargetResource() {
    assertThat(
            messages(
                validate(
                    spec -> {
                      spec.getTargetResource().setKind(null);
                      spec.getTargetResource().setName("");
                    })))
        .containsExactly(
            "spec.targetResource.kind: is required", "spec.targetResource.name: is required");
  }

  @Test
  void doesNotRequireATargetResourceOutsideKubernetes() {
    assertThat(
            validate(
                spec -> {
                  spec.setTargetType(TargetType.AWS);
                  spec.setTargetResource(null);
                }))
        .isEmpty();
  }

  @Test
  void acceptsAnyEnvironmentNameButBoundsItsLength() {
    assertThat(validate(spec -> spec.setEnvironment("uat-eu"))).isEmpty();
    assertThat(messages(validate(spec -> spec.setEnvironment("e".repeat(64)))))
        .containsExactly("spec.environment: must be at most 63 characters, got 64");
  }

  @Test
  void rejectsAPriorityOutsideP0ToP3() {
    assertThat(messages(validate(spec -> spec.setPriority("p1"))))
        .containsExactly("spec.priority: must be one of P0, P1, P2, P3, got \"p1\"");
  }

  @Test
  void rejectsATimestampThatIsNotRfc3339() {
    assertThat(messages(validate(spec -> spec.setFiringTime("31/01/2025 10:14"))))
        .containsExactly(
            "spec.firingTime: must be an RFC 3339 timestamp such as 2025-01-31T10:15:00Z,"
                + " got \"31/01/2025 10:14\"");
  }

  @Test
  void rejectsProviderDataThatIsNotJson() {
    assertThat(messages(validate(spec -> spec.setProviderData("{\"receiver\": "))))
        .singleElement()
        .asString()
        .startsWith("spec.providerData: must be valid JSON: ");
    assertThat(validate(spec -> spec.setProviderData("{} trailing"))).hasSize(1);
    assertThat(validate(spec -> spec.setProviderData(""))).isEmpty();
  }

  @Test
  void rejectsAnOriginalPayloadOver256KiB() {
    assertThat(validate(spec -> spec.setOriginalPayload("p".repeat(256 * 1024)))).isEmpty();
    assertThat(messages(validate(spec -> spec.setOriginalPayload("p".repeat(256 * 1024 + 1)))))
        .containsExactly(
            "spec.originalPayload: must be at most 262144 bytes (256 KiB), got 262145");
  }

  @Test
  void rejectsATimeoutThatIsNotAGoDuration() {
    assertThat(messages(validate(spec -> spec.getTimeoutConfig().setProcessing("-5m"))))
        .containsExactly("spec.timeoutConfig.processing: must not be negative, got \"-5m\"");
    assertThat(messages(validate(spec -> spec.getTimeoutConfig().setAnalyzing("ten minutes"))))
        .singleElement()
        .asString()
        .startsWith("spec.timeoutConfig.analyzing: invalid duration \"ten minutes\"");
  }

  @Test
  void rejectsAZeroTimeout() {
    assertThat(messages(validate(spec -> spec.getTimeoutConfig().setExecuting("0s"))))
        .containsExactly("spec.timeoutConfig.executing: must be greater than zero, got \"0s\"");
  }

  @Test
  void capsPhaseTimeoutsAtOneDayAndTheGlobalTimeoutAtSevenDays() {
    assertThat(validate(spec -> spec.getTimeoutConfig().setAwaitingApproval("24h"))).isEmpty();
    assertThat(messages(validate(spec -> spec.getTimeoutConfig().setAwaitingApproval("25h"))))
        .containsExactly(
            "spec.timeoutConfig.awaitingApproval: must be at most 24h0m0s, got \"25h\"");
    assertThat(validate(spec -> spec.getTimeoutConfig().setGlobal("168h"))).isEmpty();
    assertThat(messages(validate(spec -> spec.getTimeoutConfig().setGlobal("169h"))))
        .containsExactly("spec.timeoutConfig.global: must be at most 168h0m0s, got \"169h\"");
  }

  @Test
  void boundsMaxRecoveryAttemptsToZeroThroughTen() {
    assertThat(validate(spec -> spec.getRecoveryConfig().setMaxAttempts(0))).isEmpty();
    assertThat(validate(spec -> spec.getRecoveryConfig().setMaxAttempts(10))).isEmpty();
    assertThat(messages(validate(spec -> spec.getRecoveryConfig().setMaxAttempts(11))))
        .containsExactly("spec.recoveryConfig.maxAttempts: must be between 0 and 10, got 11");
    assertThat(messages(validate(spec -> spec.getRecoveryConfig().setMaxAttempts(-1))))
        .containsExactly("spec.recoveryConfig.maxAttempts: must be between 0 and 10, got -1");
  }

  private static List<Violation> validate(Consumer<RemediationRequestSpec> change) {
    RemediationRequest rr = Fixtures.validRemediationRequest();
    change.accept(rr.getSpec());
    return RemediationRequestValidator.validate(rr);
  }

  private static List<String> messages(List<Violation> violations) {
    return violations.stream().map(Violation::message).toList();
  }
}
