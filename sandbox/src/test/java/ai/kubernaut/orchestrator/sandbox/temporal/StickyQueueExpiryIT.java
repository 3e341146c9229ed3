package ai.kubernaut.orchestrator.sandbox.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A workflow cached by a worker that stops carries on with the next worker once the stopped
 * worker's sticky queue is expired: what a real Temporal server does after the sticky
 * schedule-to-start timeout, and the test server does not.
 */
class StickyQueueExpiryIT {

  private static final String TASK_QUEUE = "sticky-expiry-it";

  private static SandboxTemporalServer server;

  @BeforeAll
  static void startServer() {
    server = SandboxTemporalServer.start(0, Map.of());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @WorkflowInterface
  public interface TwoPings {
    @WorkflowMethod
    int run();

    @SignalMethod
    void ping();

    @QueryMethod
    int pings();
  }

  public static class TwoPingsImpl implements TwoPings {
    private int pings;

    @Override
    public int run() {
      Workflow.await(() -> pings >= 2);
      return pings;
    }

    @Override
    public void ping() {
      pings++;
    }

    @Override
    public int pings() {
      return pings;
    }
  }

  @Test
  void aWorkflowCachedByAStoppedWorkerRunsOnTheNextOne() throws Exception {
    StickyQueueRecorder recorder = new StickyQueueRecorder();
    WorkflowServiceStubs firstStubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(server.target())
                .setGrpcClientInterceptors(List.of(recorder))
                .build());
    WorkerFactory first = WorkerFactory.newInstance(WorkflowClient.newInstance(firstStubs));
    first.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(TwoPingsImpl.class);
    first.start();
    WorkflowClient client = WorkflowClient.newInstance(server.workflowServiceStubs());
    TwoPings workflow =
        client.newWorkflowStub(
            TwoPings.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId("two-pings")
                .build());
    WorkflowClient.start(workflow::run);
    workflow.ping();
    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.pings() == 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> !recorder.stickyQueues().isEmpty());

    first.shutdownNow();
    first.awaitTermination(10, TimeUnit.SECONDS);
    firstStubs.shutdownNow();
    server.expireStickyQueues(recorder.stickyQueues());
    WorkerFactory second = WorkerFactory.newInstance(client);
    second.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(TwoPingsImpl.class);
    second.start();
    try {
      workflow.ping();

      int result = WorkflowStub.fromTyped(workflow).getResult(30, TimeUnit.SECONDS, Integer.class);

      assertThat(result).isEqualTo(2);
      assertThat(server.stickyTasksMoved()).isPositive();
      System.out.printf(
          "sticky queue expiry: %s expired, %d workflow task(s) moved to the normal queue%n",
          recorder.stickyQueues(), server.stickyTasksMoved());
    } finally {
      second.shutdownNow();
    }
  }
}
