package ai.kubernaut.orchestrator.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the histories the *WorkflowTest classes recorded (re-record with {@code ./mvnw -pl
 * workflows verify -Dhistories.record=true} after an intended change of command order, and guard
 * that change with {@code Workflow.getVersion} once released). A non-deterministic change fails
 * here. Holds the histories of the coordination workflows too ({@code coordinator-*}, {@code
 * lock-*}, recorded by RoutingWorkflowTest). {@code pre-local-writes-*} are the histories recorded
 * before change {@code local-writes} (status writes and validation as activities, the end's calls
 * one after the other): runs still open when it was deployed replay with them.
 */
class RemediationWorkflowReplayTest {

  private static final Path DIR = Path.of("src/test/resources/histories");

  /** One environment per history: the replayer registers a worker on the history's task queue. */
  private static TestWorkflowEnvironment environment() {
    return TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder()
                    .setDataConverter(RemediationDataConverter.get())
                    .build())
            .build());
  }

  static Stream<String> histories() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void atLeastFiveHistoriesAreRecorded() throws IOException {
    List<String> names = histories().toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(5);
  }

  /**
   * The continue-as-new threshold the recording tests' worker used (LifecycleWorkflowTest); every
   * other history was recorded by a worker that continues only when Temporal suggests it.
   */
  private static final Map<String, Long> CONTINUE_AS_NEW_AFTER =
      Map.of(
          "continued-as-new-last-run.json", 20L,
          "continued-as-new-in-one-phase.json", 40L,
          "pre-local-writes-continued-as-new-last-run.json", 20L,
          "pre-local-writes-continued-as-new-in-one-phase.json", 40L);

  @ParameterizedTest
  @MethodSource("histories")
  void replaysDeterministically(String name) throws Exception {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(Files.readString(DIR.resolve(name)));
    String taskQueue =
        history
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getTaskQueue()
            .getName();

    try (TestWorkflowEnvironment env = environment()) {
      Worker worker = env.newWorker(taskQueue);
      WorkflowTestSupport.registerContinuingAsNewAfter(
          worker, CONTINUE_AS_NEW_AFTER.getOrDefault(name, 0L));
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
  }
}
