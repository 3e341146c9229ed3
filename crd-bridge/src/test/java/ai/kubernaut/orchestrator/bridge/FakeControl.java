package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;

/** Test-only control of {@link FakeRemediationWorkflow}: tells it how to end. */
@WorkflowInterface
public interface FakeControl {

  @SignalMethod
  void finish(RemediationResult result);
}
