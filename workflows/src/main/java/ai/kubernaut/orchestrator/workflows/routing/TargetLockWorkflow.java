package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRelease;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.List;

/**
 * The execution lock of one target resource ({@code lock/<target>}): at most one WorkflowExecution
 * at a time across all remediations (SPEC §5 ResourceBusy), a FIFO queue of waiters granted by a
 * {@code lockGranted} signal to their workflow, the RecentlyRemediated cooldown per selected
 * workflow, and release on the holder's workflow closing.
 */
@WorkflowInterface
public interface TargetLockWorkflow {

  String TYPE = "TargetLockWorkflow";

  @WorkflowMethod(name = TYPE)
  void run(Input input);

  /** Granted now, Queued (a {@code lockGranted} signal follows), or RecentlyRemediated. */
  @UpdateMethod
  LockAnswer acquire(LockRequest request);

  @UpdateValidatorMethod(updateName = "acquire")
  void validateAcquire(LockRequest request);

  /** The holder (or a waiter) gives up its place; idempotent. */
  @SignalMethod
  void release(LockRelease release);

  @QueryMethod
  State state();

  record Input(TargetRef target, State carried) {}

  /** A holder or waiter: the remediation workflow and the request it made. */
  record Entry(LockRequest request, Instant since) {}

  /** A completed WorkflowExecution: starts the cooldown of its selected workflow on the target. */
  record Completion(String selectedWorkflowId, String rrName, Instant at, Instant until) {}

  record State(Entry holder, List<Entry> queue, List<Completion> recent, long grants) {

    public State {
      queue = queue == null ? List.of() : List.copyOf(queue);
      recent = recent == null ? List.of() : List.copyOf(recent);
    }
  }
}
