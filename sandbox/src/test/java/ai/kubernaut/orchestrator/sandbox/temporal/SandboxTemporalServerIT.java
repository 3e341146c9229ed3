package ai.kubernaut.orchestrator.sandbox.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxTemporalServerIT {

  private static final String TASK_QUEUE = "sandbox-temporal-it";
  private static final SearchAttributeKey<String> PHASE =
      SearchAttributeKey.forKeyword("RemediationPhase");
  private static final SearchAttributeKey<Long> ATTEMPTS =
      SearchAttributeKey.forLong("RecoveryAttempts");

  private static SandboxTemporalServer server;

  @BeforeAll
  static void startServer() {
    server =
        SandboxTemporalServer.start(
            0,
            Map.of(
                PHASE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
                ATTEMPTS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** A workflow that does nothing but upsert the registered attributes. */
  @WorkflowInterface
  public interface UpsertWorkflow {
    @WorkflowMethod
    String run(String phase);
  }

  public static class UpsertWorkflowImpl implements UpsertWorkflow {
    @Override
    public String run(String phase) {
      Workflow.upsertTypedSearchAttributes(PHASE.valueSet(phase), ATTEMPTS.valueSet(1L));
      return phase;
    }
  }

  @Test
  void startsOnAFreePortWhenAskedForPortZero() {
    assertThat(server.port()).isPositive();
    assertThat(server.target()).isEqualTo("localhost:" + server.port());
    assertThat(server.namespace()).isEqualTo("default");
  }

  @Test
  void letsAWorkflowUpsertTheRegisteredSearchAttributes() {
    WorkflowClient client =
        WorkflowClient.newInstance(
            server.workflowServiceStubs(),
            WorkflowClientOptions.newBuilder().setNamespace(server.namespace()).build());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(UpsertWorkflowImpl.class);
    factory.start();
    try {
      UpsertWorkflow workflow =
          client.newWorkflowStub(
              UpsertWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TASK_QUEUE)
                  .setWorkflowId("upsert-search-attributes")
                  .build());

      String result = workflow.run("Processing");

      assertThat(result).isEqualTo("Processing");
      DescribeWorkflowExecutionResponse description =
          server
              .workflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(server.namespace())
                      .setExecution(
                          WorkflowExecution.newBuilder()
                              .setWorkflowId("upsert-search-attributes")
                              .build())
                      .build());
      var indexed =
          description.getWorkflowExecutionInfo().getSearchAttributes().getIndexedFieldsMap();
      assertThat(indexed).containsKeys(PHASE.getName(), ATTEMPTS.getName());
      assertThat(
              GlobalDataConverter.get()
                  .fromPayload(indexed.get(PHASE.getName()), String.class, String.class))
          .isEqualTo("Processing");
    } finally {
      factory.shutdownNow();
    }
  }

  @Test
  void refusesAPortThatIsAlreadyTaken() {
    assertThatThrownBy(() -> SandboxTemporalServer.start(server.port(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(String.valueOf(server.port()));
  }

  @Test
  void refusesAnOutOfRangePort() {
    assertThatThrownBy(() -> SandboxTemporalServer.start(70_000, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
