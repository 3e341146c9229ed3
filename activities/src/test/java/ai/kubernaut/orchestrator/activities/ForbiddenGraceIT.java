package ai.kubernaut.orchestrator.activities;

import static ai.kubernaut.orchestrator.activities.TestRemediations.ref;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.RemediationActivityOptions;
import ai.kubernaut.orchestrator.workflows.RemediationDataConverter;
import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 403 under the remediation's real retry policy ({@link RemediationActivityOptions#KUBE_WRITE})
 * on a time-skipping Temporal test server: an API server that forbids for a few seconds (its RBAC
 * authorizer loading after a restart) costs a few retries, one that keeps forbidding fails as
 * Forbidden after {@link KubeFailures#FORBIDDEN_GRACE}.
 */
@ExtendWith(StandInExtension.class)
class ForbiddenGraceIT {

  static final String QUEUE = "forbidden-grace";

  static KubernetesApiStandIn api;
  static KubernetesClient client;

  TestWorkflowEnvironment env;
  RemediationRef rrRef;
  String ns;

  /** Creates one SignalProcessing with the remediation's write options. */
  @WorkflowInterface
  public interface CreateOne {
    @WorkflowMethod
    String create(CreateSignalProcessing request);
  }

  public static class CreateOneImpl implements CreateOne {
    @Override
    public String create(CreateSignalProcessing request) {
      return Workflow.newActivityStub(ChildActivities.class, RemediationActivityOptions.KUBE_WRITE)
          .createSignalProcessing(request)
          .name();
    }
  }

  @BeforeEach
  void setUp() {
    ns = StandIn.namespace(api);
    rrRef = ref(StandIn.create(client, ns, rr("disk-full").build()));
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(RemediationDataConverter.get())
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(CreateOneImpl.class);
    worker.registerActivitiesImplementations(
        new ChildActivitiesImpl(client, Clock.systemUTC(), ActivityMetrics.inMemory()));
    env.start();
  }

  @AfterEach
  void tearDown() {
    api.faults().clear();
    env.close();
  }

  @Test
  void aFewForbiddenAnswersAfterAnApiServerRestartAreRetriedAway() {
    FaultRule forbidden =
        api.faults().add(FaultRule.on("POST", ".*/signalprocessings").respond(403).times(3));

    String name = run();

    assertThat(name).isEqualTo("sp-disk-full");
    assertThat(forbidden.hits()).isEqualTo(3);
    assertThat(client.resources(SignalProcessing.class).inNamespace(ns).withName(name).get())
        .isNotNull();
  }

  @Test
  void aForbiddenThatLastsBeyondTheGraceIsAConfigurationFailure() {
    FaultRule forbidden =
        api.faults().add(FaultRule.on("POST", ".*/signalprocessings").respond(403));

    assertThatThrownBy(this::run)
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            thrown -> {
              ActivityFailure activity = (ActivityFailure) thrown.getCause();
              ApplicationFailure failure = (ApplicationFailure) activity.getCause();
              assertThat(failure.getType()).isEqualTo(FailureTypes.FORBIDDEN);
              assertThat(failure.isNonRetryable()).isTrue();
            });
    // attempts 1 s, 2 s, 4 s, 8 s, 16 s, 32 s, then 60 s apart (at 0, 1, 3, 7, 15, 31, 63, 123 s):
    // the first one 2 min or more after the first attempt ends it (the eighth, give or take one
    // depending on how the server stamps an attempt)
    assertThat(forbidden.hits()).isBetween(7, 9);
  }

  private String run() {
    CreateOne wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                CreateOne.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId("create-" + UUID.randomUUID())
                    .build());
    return wf.create(
        new CreateSignalProcessing(rrRef, "sp-disk-full", Instant.parse("2030-01-01T10:05:00Z")));
  }
}
