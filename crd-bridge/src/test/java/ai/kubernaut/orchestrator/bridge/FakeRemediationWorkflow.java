package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.activities.TestStatuses;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.model.ApprovalCommand;
import ai.kubernaut.orchestrator.workflows.model.ApprovalResult;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DuplicateNotice;
import ai.kubernaut.orchestrator.workflows.model.DuplicateResolution;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutRequest;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutResult;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import ai.kubernaut.orchestrator.workflows.model.RetryRequest;
import ai.kubernaut.orchestrator.workflows.model.RetryResult;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the real RemediationWorkflow: records starts, signals and cancellations (outside
 * replay, in static maps keyed by workflow ID), waits until told to finish, and lets cancellation
 * end it. It writes no status, except for the RRs in {@link #WRITES_STATUS}: those get the real
 * workflow's first status write (Processing, which records the run in {@code status.temporal})
 * through the real {@code StatusActivities} as soon as the run starts.
 */
public class FakeRemediationWorkflow implements RemediationWorkflow, FakeControl {

  static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();
  static final Map<String, List<ChildStatus>> SIGNALS = new ConcurrentHashMap<>();
  static final Set<String> CANCELLED = ConcurrentHashMap.newKeySet();
  static final Map<String, RemediationInput> INPUTS = new ConcurrentHashMap<>();

  /** RRs ({@code namespace/name}) whose run writes its first status at once. */
  static final Set<String> WRITES_STATUS = ConcurrentHashMap.newKeySet();

  /** What the state query answers for a workflow ID (default: a run still waiting). */
  static final Map<String, RemediationState> STATES = new ConcurrentHashMap<>();

  private RemediationResult result;

  static int starts(String workflowId) {
    AtomicInteger count = STARTS.get(workflowId);
    return count == null ? 0 : count.get();
  }

  static List<ChildStatus> signals(String workflowId) {
    return SIGNALS.getOrDefault(workflowId, List.of());
  }

  @Override
  public RemediationResult run(RemediationInput input) {
    String id = Workflow.getInfo().getWorkflowId();
    if (!Workflow.isReplaying()) {
      STARTS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      INPUTS.put(id, input);
    }
    if (WRITES_STATUS.contains(input.rr().namespace() + "/" + input.rr().name())) {
      Workflow.newActivityStub(
              StatusActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build())
          .writeStatus(
              new StatusWrite(
                  input.rr(),
                  id,
                  Workflow.getInfo().getRunId(),
                  1,
                  TestStatuses.processing(),
                  List.of()));
    }
    try {
      Workflow.await(() -> result != null);
    } catch (CanceledFailure e) {
      if (!Workflow.isReplaying()) {
        CANCELLED.add(id);
      }
      throw e;
    }
    return result;
  }

  // routing messages come from the coordination workflows, never from the bridge: ignored here
  @Override
  public void duplicateRegistered(DuplicateNotice notice) {}

  @Override
  public void duplicateResolved(DuplicateResolution resolution) {}

  @Override
  public void lockGranted(LockAnswer answer) {}

  @Override
  public void childStatusChanged(ChildStatus status) {
    if (!Workflow.isReplaying()) {
      SIGNALS
          .computeIfAbsent(Workflow.getInfo().getWorkflowId(), k -> new CopyOnWriteArrayList<>())
          .add(status);
    }
  }

  @Override
  public void finish(RemediationResult value) {
    this.result = value;
  }

  @Override
  public RetryResult retry(RetryRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateRetry(RetryRequest request) {}

  @Override
  public ApprovalResult approve(ApprovalCommand command) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateApprove(ApprovalCommand command) {}

  @Override
  public ApprovalResult reject(ApprovalCommand command) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateReject(ApprovalCommand command) {}

  @Override
  public ExtendTimeoutResult extendTimeout(ExtendTimeoutRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateExtendTimeout(ExtendTimeoutRequest request) {}

  @Override
  public RemediationState state() {
    RemediationState scripted = STATES.get(Workflow.getInfo().getWorkflowId());
    if (scripted != null) {
      return scripted;
    }
    return new RemediationState(
        null, 0, "fake", null, null, null, 0, null, null, null, null, null, null, List.of(),
        List.of(), List.of(), List.of(), 1, null, null, null);
  }
}
