package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflowHosting;
import ai.kubernaut.orchestrator.workflows.WorkflowIds;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.Optional;

/**
 * Starts, describes and cancels remediation workflows. Starting is idempotent: the ID comes from
 * the RR's namespace, name and UID, a running workflow with that ID is reused, and a closed one is
 * never started again (a finished RR must not restart).
 */
final class WorkflowStarter {

  /** What a start call found. */
  record Started(String workflowId, String runId, boolean alreadyClosed) {}

  /** A workflow's current (latest) run. */
  record Described(String workflowId, String runId, WorkflowExecutionStatus status) {

    boolean isRunning() {
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW;
    }
  }

  private final WorkflowClient client;
  private final BridgeConfig config;

  WorkflowStarter(WorkflowClient client, BridgeConfig config) {
    this.client = client;
    this.config = config;
  }

  static String workflowId(RemediationRequest rr) {
    return WorkflowIds.of(
        rr.getMetadata().getNamespace(), rr.getMetadata().getName(), rr.getMetadata().getUid());
  }

  /** Starts the RR's workflow, or finds the running one; transient failures are thrown. */
  Started start(RemediationRequest rr) {
    String workflowId = workflowId(rr);
    RemediationInput input = RemediationInputMapper.map(rr, config.settings());
    WorkflowOptions options = RemediationWorkflowHosting.startOptions(input, config.taskQueue());
    RemediationWorkflow stub = client.newWorkflowStub(RemediationWorkflow.class, options);
    try {
      WorkflowExecution execution = WorkflowClient.start(stub::run, input);
      return new Started(workflowId, execution.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Started(workflowId, e.getExecution().getRunId(), true);
    }
  }

  /** The latest run of {@code workflowId}, or empty when no workflow has that ID. */
  Optional<Described> describe(String workflowId) {
    try {
      WorkflowExecutionDescription d = client.newUntypedWorkflowStub(workflowId).describe();
      return Optional.of(new Described(workflowId, d.getExecution().getRunId(), d.getStatus()));
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Requests cancellation of the running workflow; false when it is closed or unknown. */
  boolean cancel(String workflowId, String reason) {
    try {
      client.newUntypedWorkflowStub(workflowId).cancel(reason);
      return true;
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WorkflowNotFoundException) {
        return true;
      }
      if (t instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }
}
