package ai.kubernaut.orchestrator.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.workflows.RemediationDataConverter;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflowHosting;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RoutingPolicy;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import ai.kubernaut.orchestrator.workflows.model.WorkflowWatch;
import ai.kubernaut.orchestrator.workflows.routing.RoutingIds;
import ai.kubernaut.orchestrator.workflows.routing.TargetLockWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The activities against a Temporal test server with the real coordination workflows: register
 * starts the coordinator, acquire starts the lock, release answers, the watch returns once the
 * watched workflow closed.
 */
class RoutingActivitiesImplIT {

  private static final String QUEUE = "routing-it";
  private static final TargetRef TARGET = new TargetRef("Deployment", "web", "shop", "apps/v1");

  /** Calls the activities the way RemediationWorkflow does, returns what they answered. */
  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    List<String> call(String name);
  }

  public static class CallerImpl implements Caller {
    @Override
    public List<String> call(String name) {
      RoutingActivities a =
          Workflow.newActivityStub(
              RoutingActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
      String id = Workflow.getInfo().getWorkflowId();
      RoutingRequest r =
          new RoutingRequest(
              new RemediationRef("shop", name, "uid-" + name),
              id,
              "f".repeat(64),
              TARGET,
              Instant.parse("2025-01-01T00:00:00Z"),
              RoutingPolicy.defaults());
      RoutingVerdict v = a.registerRemediation(r);
      LockAnswer l =
          a.acquireExecutionLock(
              new LockRequest(id, name, TARGET, "restart", 1, Duration.ofMinutes(5)));
      List<String> dups =
          a.releaseRemediation(new RoutingRelease(r, null, null, null, null)).duplicates();
      return List.of(v.decision(), l.decision(), String.valueOf(dups.size()));
    }
  }

  /** Registers an RR created now whose settle window outlasts the heartbeat timeout. */
  @WorkflowInterface
  public interface SlowRegistration {
    @WorkflowMethod
    String register(String name);
  }

  public static class SlowRegistrationImpl implements SlowRegistration {
    @Override
    public String register(String name) {
      RoutingActivities a =
          Workflow.newActivityStub(
              RoutingActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setHeartbeatTimeout(Duration.ofSeconds(1))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      return a.registerRemediation(
              new RoutingRequest(
                  new RemediationRef("shop", name, "uid-" + name),
                  Workflow.getInfo().getWorkflowId(),
                  "e".repeat(64),
                  TARGET,
                  Instant.ofEpochMilli(Workflow.currentTimeMillis()),
                  new RoutingPolicy(null, null, null, Duration.ofSeconds(3), null)))
          .decision();
    }
  }

  /** Watches another workflow through the activity. */
  @WorkflowInterface
  public interface Watcher {
    @WorkflowMethod
    String watch(String workflowId);
  }

  public static class WatcherImpl implements Watcher {
    @Override
    public String watch(String workflowId) {
      Workflow.newActivityStub(
              RoutingActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(1))
                  .setHeartbeatTimeout(Duration.ofSeconds(10))
                  .build())
          .awaitWorkflowClosed(new WorkflowWatch(workflowId));
      return "closed";
    }
  }

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void setUp() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(RemediationDataConverter.get())
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    RemediationWorkflowHosting.register(worker);
    worker.registerWorkflowImplementationTypes(
        CallerImpl.class, WatcherImpl.class, SlowRegistrationImpl.class);
    client = env.getWorkflowClient();
    worker.registerActivitiesImplementations(
        new RoutingActivitiesImpl(client, Duration.ofMillis(200), Duration.ofMillis(300)));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void registersAcquiresAndReleasesThroughTheCoordinationWorkflows() {
    Caller caller =
        client.newWorkflowStub(
            Caller.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("rr/shop/one/u1")
                .build());

    assertThat(caller.call("one")).containsExactly("Proceed", "Granted", "0");

    // "one" closed without releasing the lock: the lock's watch notices and frees the target
    TargetLockWorkflow lock =
        client.newWorkflowStub(TargetLockWorkflow.class, RoutingIds.lock(TARGET));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(lock.state().holder()).isNull());
  }

  @Test
  void aRegistrationWaitingOutTheSettleWindowHeartbeatsThroughItInOneAttempt() {
    SlowRegistration slow =
        client.newWorkflowStub(
            SlowRegistration.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("rr/shop/slow/u3")
                .build());

    // the settle window (3 s) outlasts the heartbeat timeout (1 s) of the only attempt allowed
    assertThat(slow.register("slow")).isEqualTo("Proceed");
  }

  @Test
  void theWatchReturnsOnceTheWatchedWorkflowClosed() {
    Caller other =
        client.newWorkflowStub(
            Caller.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("rr/shop/two/u2")
                .build());
    other.call("two");
    Watcher watcher =
        client.newWorkflowStub(
            Watcher.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());

    assertThat(watcher.watch("rr/shop/two/u2")).isEqualTo("closed");
  }

  @Test
  void aLookAtARunningWorkflowFailsRetryablyAndQuietly() {
    Watcher self =
        client.newWorkflowStub(
            Watcher.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("watches-itself")
                .build());
    WorkflowClient.start(self::watch, "watches-itself"); // runs until terminated

    assertThatThrownBy(
            () ->
                new RoutingActivitiesImpl(client, Duration.ofMillis(100), Duration.ofMillis(300))
                    .awaitWorkflowClosed(new WorkflowWatch("watches-itself")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(RoutingActivitiesImpl.STILL_RUNNING);
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getCategory()).isEqualTo(ApplicationErrorCategory.BENIGN);
            });
    WorkflowStub.fromTyped(self).terminate("test over");
  }
}
