package ai.kubernaut.orchestrator.activities;

import static ai.kubernaut.orchestrator.activities.TestRemediations.ref;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StandInExtension.class)
class ValidationActivitiesImplIT {

  static KubernetesApiStandIn api;
  static KubernetesClient client;

  String ns;
  ValidationActivitiesImpl activities;
  TestActivityEnvironment env;
  ValidationActivities stub;

  @BeforeEach
  void setUp() {
    ns = StandIn.namespace(api);
    activities = new ValidationActivitiesImpl(client);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(activities);
    stub = env.newActivityStub(ValidationActivities.class, StandIn.once());
  }

  @AfterEach
  void tearDown() {
    api.faults().clear();
    env.close();
  }

  @Test
  void aValidSpecGivesItsParsedOverrides() {
    RemediationRequest rr =
        StandIn.create(
            client,
            ns,
            rr("disk-full")
                .withTimeouts(
                    t -> {
                      t.setProcessing("90s");
                      t.setGlobal("2h");
                    })
                .withMaxRecoveryAttempts(1)
                .build());

    ValidationResult result = activities.validateRemediation(ref(rr));

    assertThat(result.valid()).isTrue();
    assertThat(result.timeoutOverrides())
        .isEqualTo(
            new TimeoutOverrides(
                Duration.ofSeconds(90), null, null, null, null, Duration.ofHours(2)));
    assertThat(result.maxRecoveryAttempts()).isEqualTo(1);
  }

  @Test
  void theRecoveringOverrideIsHonouredApartFromAnalyzing() {
    RemediationRequest rr =
        StandIn.create(
            client,
            ns,
            rr("disk-full")
                .withTimeouts(
                    t -> {
                      t.setAnalyzing("20m");
                      t.setRecovering("3m");
                    })
                .build());

    ValidationResult result = activities.validateRemediation(ref(rr));

    PhaseTimeouts effective = PhaseTimeouts.defaults().withOverrides(result.timeoutOverrides());
    assertThat(effective.analyzing()).isEqualTo(Duration.ofMinutes(20));
    assertThat(effective.recovering()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void noOverridesMeansNone() {
    RemediationRequest rr = StandIn.create(client, ns, rr("disk-full").build());

    ValidationResult result = activities.validateRemediation(ref(rr));

    assertThat(result.timeoutOverrides()).isEqualTo(TimeoutOverrides.none());
    assertThat(result.maxRecoveryAttempts()).isNull();
  }

  @Test
  void anInvalidSpecIsAResultNamingTheFields() {
    RemediationRequest rr =
        StandIn.create(
            client,
            ns,
            rr("disk-full")
                .with(spec -> spec.setProviderData("{not json"))
                .withTimeouts(t -> t.setExecuting("-5m"))
                .build());

    ValidationResult result = activities.validateRemediation(ref(rr));

    assertThat(result.valid()).isFalse();
    assertThat(result.violations())
        .extracting(v -> v.field())
        .contains("spec.providerData", "spec.timeoutConfig.executing");
    assertThat(result.timeoutOverrides()).isNull();
  }

  @Test
  void aGoneRrFailsNonRetryably() {
    assertThatThrownBy(
            () -> stub.validateRemediation(new RemediationRef(ns, "never-created", "uid-x")))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.getType()).isEqualTo(FailureTypes.REMEDIATION_REQUEST_GONE);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  @Test
  void anUnavailableApiIsRetryable() {
    RemediationRequest rr = StandIn.create(client, ns, rr("disk-full").build());
    api.faults().add(FaultRule.on("GET", ".*/remediationrequests/disk-full").respond(503));

    assertThatThrownBy(() -> stub.validateRemediation(ref(rr)))
        .satisfies(
            thrown -> assertThat(StandIn.applicationFailure(thrown).isNonRetryable()).isFalse());
  }
}
