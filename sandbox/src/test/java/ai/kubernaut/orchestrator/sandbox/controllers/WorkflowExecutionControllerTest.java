package ai.kubernaut.orchestrator.sandbox.controllers;

import static ai.kubernaut.orchestrator.sandbox.controllers.Scripts.script;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.CONFIG;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.NOW;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.context;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.drive;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.we;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.ExecutionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowExecutionControllerTest {

  private final WorkflowExecutionController controller =
      new WorkflowExecutionController(null, CONFIG, null, null, null);

  @Test
  void runsEveryStepAndCompletes() {
    WorkflowExecution we = we("ns", "we-oom", "oom");

    var states = drive(controller, we, context(Script.defaults()));

    assertThat(states).containsExactly("Running/0", "Running/1", "Running/2", "Completed/3");
    WorkflowExecutionStatus status = we.getStatus();
    assertThat(status.getTotalSteps()).isEqualTo(3);
    assertThat(status.getStepsCompleted()).isEqualTo(3);
    assertThat(status.getCompletionTime()).isEqualTo(NOW.toString());
    assertThat(status.getFailedStep()).isNull();
  }

  @Test
  void runsTheScriptedNumberOfSteps() {
    WorkflowExecution we = we("ns", "we-oom", "oom");

    var states = drive(controller, we, context(script(Script.EXECUTION_STEPS, "1")));

    assertThat(states).containsExactly("Running/0", "Completed/1");
  }

  @Test
  void failsAtTheSecondStepWithTheFailureDetails() {
    WorkflowExecution we = we("ns", "we-oom", "oom");

    var states = drive(controller, we, context(script(Script.EXECUTION, ExecutionOutcome.FAIL)));

    assertThat(states).containsExactly("Running/0", "Running/1", "Failed/1");
    WorkflowExecutionStatus status = we.getStatus();
    assertThat(status.getFailedStep()).isEqualTo(2);
    assertThat(status.getFailedAction()).isEqualTo("increase-memory-limit");
    assertThat(status.getErrorType()).isEqualTo("TaskFailed");
    assertThat(status.getFailureReason())
        .contains("step 2 (increase-memory-limit)")
        .contains("on attempt 1 ")
        .contains("sandbox.kubernaut.ai/we=fail");
    assertThat(status.getCompletionTime()).isEqualTo(NOW.toString());
  }

  @Test
  void failsTheFirstAttemptAndSucceedsTheRecoveryWhenFailOnce() {
    Script script = script(Script.EXECUTION, ExecutionOutcome.FAIL_ONCE);
    WorkflowExecution first = we("ns", "we-oom", "oom");
    WorkflowExecution recovery = we("ns", "we-oom-recovery-1", "oom");

    drive(controller, first, context(script));
    drive(controller, recovery, context(script));

    assertThat(first.getStatus().getPhase().value()).isEqualTo("Failed");
    assertThat(recovery.getStatus().getPhase().value()).isEqualTo("Completed");
  }

  @Test
  void numbersAttemptsFromOneInTheFailureTextAsTheRemediationRequestDoes() {
    WorkflowExecution recovery = we("ns", "we-oom-recovery-1", "oom");

    drive(controller, recovery, context(script(Script.EXECUTION, ExecutionOutcome.FAIL)));

    assertThat(recovery.getStatus().getFailureReason()).contains("on attempt 2 ");
  }

  @ParameterizedTest
  @CsvSource({"SKIP_RESOURCE_BUSY, ResourceBusy", "SKIP_RECENTLY_REMEDIATED, RecentlyRemediated"})
  void skipsWithTheScriptedReason(ExecutionOutcome outcome, String reason) {
    WorkflowExecution we = we("ns", "we-oom", "oom");

    var states = drive(controller, we, context(script(Script.EXECUTION, outcome)));

    assertThat(states).containsExactly("Skipped/0");
    assertThat(we.getStatus().getSkipReason()).isEqualTo(reason);
  }

  @Test
  void keepsRunningForeverWhenStuck() {
    WorkflowExecution we = we("ns", "we-oom", "oom");

    var states = drive(controller, we, context(script(Script.EXECUTION, ExecutionOutcome.STUCK)));

    assertThat(states).containsExactly("Running/0");
    assertThat(controller.isFinished(we)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "we-oom, 0",
    "we-oom-recovery-1, 1",
    "we-oom-recovery-12, 12",
    "we-oom-recovery-2-retry-1, 2",
    "we-oom-retry-3, 0",
    "we-long-name-1a2b3c4d-recovery-3, 3"
  })
  void readsTheAttemptFromTheName(String name, int attempt) {
    assertThat(WorkflowExecutionController.attemptOf(name)).isEqualTo(attempt);
  }
}
