package ai.kubernaut.orchestrator.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.routing.FingerprintCoordinatorWorkflowImpl;
import ai.kubernaut.orchestrator.workflows.routing.TargetLockWorkflowImpl;
import io.temporal.api.testservice.v1.LockTimeSkippingRequest;
import io.temporal.api.testservice.v1.UnlockTimeSkippingRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.TestServiceStubs;
import io.temporal.serviceclient.TestServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** Shared setup of the *WorkflowTest classes: one time-skipping test server per test method. */
final class WorkflowTestSupport {

  static final String RECORD_PROPERTY = "histories.record";

  private WorkflowTestSupport() {}

  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder b =
        TestWorkflowExtension.newBuilder()
            .setDoNotStart(true)
            // no workflow cache: every task replays the history from the start, so each test
            // also checks determinism, and no task waits on a sticky queue under time skipping
            .setWorkerFactoryOptions(
                WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder()
                    .setDataConverter(RemediationDataConverter.get())
                    .build())
            .registerWorkflowImplementationTypes(
                RemediationWorkflowHosting.implementationOptions(),
                RemediationWorkflowImpl.class,
                FingerprintCoordinatorWorkflowImpl.class,
                TargetLockWorkflowImpl.class);
    RemediationSearchAttributes.DEFINITIONS.forEach(b::registerSearchAttribute);
    return b.build();
  }

  /**
   * A worker whose remediations continue as new once their history has {@code events} events (the
   * extension's worker continues only when Temporal suggests it, as production does).
   */
  static Worker continuingAsNewAfter(TestWorkflowEnvironment env, long events) {
    Worker w = env.newWorker("continue-as-new-after-" + events);
    registerContinuingAsNewAfter(w, events);
    return w;
  }

  /**
   * Registers the workflows on {@code worker} with the continue-as-new threshold {@code events}.
   */
  static void registerContinuingAsNewAfter(Worker worker, long events) {
    worker.registerWorkflowImplementationFactory(
        RemediationWorkflow.class,
        args -> new RemediationWorkflowImpl(args.get(0, RemediationInput.class), events),
        RemediationWorkflowHosting.implementationOptions());
    worker.registerWorkflowImplementationTypes(
        RemediationWorkflowHosting.implementationOptions(),
        FingerprintCoordinatorWorkflowImpl.class,
        TargetLockWorkflowImpl.class);
  }

  /** Registers a fake cluster on the worker and starts the test environment. */
  static FakeCluster cluster(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = new FakeCluster(env.getWorkflowClient(), routingClient(env));
    worker.registerActivitiesImplementations(cluster);
    env.start();
    return cluster;
  }

  /** A client of the test server without the environment's time locking (see FakeCluster). */
  static WorkflowClient routingClient(TestWorkflowEnvironment env) {
    return WorkflowClient.newInstance(
        env.getWorkflowServiceStubs(),
        WorkflowClientOptions.newBuilder()
            .setNamespace(env.getNamespace())
            .setDataConverter(RemediationDataConverter.get())
            .build());
  }

  /**
   * Holds the test server's clock (one more time-skipping lock, on top of the environment's, so it
   * also holds while a client waits for a result) until the returned hold is closed.
   */
  static TimeHold holdTime(TestWorkflowEnvironment env) {
    TestServiceStubs time =
        TestServiceStubs.newServiceStubs(
            TestServiceStubsOptions.newBuilder()
                .setChannel(env.getWorkflowServiceStubs().getRawChannel())
                .validateAndBuildWithDefaults());
    time.blockingStub().lockTimeSkipping(LockTimeSkippingRequest.getDefaultInstance());
    return () ->
        time.blockingStub().unlockTimeSkipping(UnlockTimeSkippingRequest.getDefaultInstance());
  }

  /** Releases the hold of {@link #holdTime}. */
  interface TimeHold extends AutoCloseable {
    @Override
    void close();
  }

  static RemediationWorkflow start(
      TestWorkflowEnvironment env, Worker worker, RemediationInput in) {
    RemediationWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                RemediationWorkflow.class,
                RemediationWorkflowHosting.startOptions(in, worker.getTaskQueue()));
    WorkflowClient.start(wf::run, in);
    return wf;
  }

  static RemediationResult result(RemediationWorkflow wf) {
    return WorkflowStub.fromTyped(wf).getResult(RemediationResult.class);
  }

  /** Runs to the end and returns the ApplicationFailure the run failed with. */
  static ApplicationFailure failure(RemediationWorkflow wf) {
    try {
      RemediationResult r = result(wf);
      throw new AssertionError("expected the run to fail, it returned " + r);
    } catch (WorkflowFailedException e) {
      Throwable c = e.getCause();
      assertThat(c).isInstanceOf(ApplicationFailure.class);
      ApplicationFailure af = (ApplicationFailure) c;
      assertThat(af.isNonRetryable()).isTrue();
      return af;
    }
  }

  /** Waits (real time, time skipping paused) until the fake saw the child created. */
  static void awaitCreated(FakeCluster cluster, String name) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> cluster.created.contains(name));
  }

  static void awaitPhase(RemediationWorkflow wf, String phase) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> wf.state().phase().name().equals(phase));
  }

  /** Sequences strictly increase and every write carries the full status. */
  static void assertWellFormedWrites(List<StatusWrite> writes) {
    assertThat(writes).isNotEmpty();
    long last = 0;
    for (StatusWrite w : writes) {
      assertThat(w.sequence()).isGreaterThan(last);
      assertThat(w.status()).isNotNull();
      assertThat(w.status().timeoutConfig()).isNotNull();
      last = w.sequence();
    }
  }

  /** With -Dhistories.record=true, stores the run's history for the replay test. */
  static void recordHistory(TestWorkflowEnvironment env, RemediationWorkflow wf, String name) {
    recordHistory(env, WorkflowStub.fromTyped(wf).getExecution().getWorkflowId(), name);
  }

  /** With -Dhistories.record=true, stores the history of workflow {@code id} (latest run). */
  static void recordHistory(TestWorkflowEnvironment env, String id, String name) {
    if (!Boolean.getBoolean(RECORD_PROPERTY)) {
      return;
    }
    String json = env.getWorkflowClient().fetchHistory(id).toJson(true);
    try {
      Path dir = Path.of("src/test/resources/histories");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".json"), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
