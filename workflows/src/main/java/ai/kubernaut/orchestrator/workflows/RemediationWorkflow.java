package ai.kubernaut.orchestrator.workflows;

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
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One RemediationRequest, driven through its phases (SPEC §3). Method names are the Temporal CLI
 * names of SPEC §9: rename one only with an explicit {@code name =}.
 */
@WorkflowInterface
public interface RemediationWorkflow {

  String TYPE = "RemediationWorkflow";

  /** Signal names used by the coordination workflows (they signal by workflow ID, untyped). */
  String DUPLICATE_REGISTERED = "duplicateRegistered";

  String DUPLICATE_RESOLVED = "duplicateResolved";
  String LOCK_GRANTED = "lockGranted";

  /** The signal the CRD bridge sends for every child status change (untyped, by workflow ID). */
  String CHILD_STATUS_CHANGED = "childStatusChanged";

  @WorkflowMethod(name = TYPE)
  RemediationResult run(RemediationInput input);

  /** A child's status changed (sent by the CRD bridge); stale and duplicate signals are ignored. */
  @SignalMethod(name = CHILD_STATUS_CHANGED)
  void childStatusChanged(ChildStatus status);

  /** Coordinator → owner: another RR was registered as a duplicate of this one. */
  @SignalMethod(name = DUPLICATE_REGISTERED)
  void duplicateRegistered(DuplicateNotice notice);

  /** Coordinator → duplicate: the owner ended (inherit its outcome, or proceed when released). */
  @SignalMethod(name = DUPLICATE_RESOLVED)
  void duplicateResolved(DuplicateResolution resolution);

  /** Target lock → queued waiter: the lock is granted (or the target was recently remediated). */
  @SignalMethod(name = LOCK_GRANTED)
  void lockGranted(LockAnswer answer);

  @UpdateMethod
  RetryResult retry(RetryRequest request);

  @UpdateValidatorMethod(updateName = "retry")
  void validateRetry(RetryRequest request);

  @UpdateMethod
  ApprovalResult approve(ApprovalCommand command);

  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(ApprovalCommand command);

  @UpdateMethod
  ApprovalResult reject(ApprovalCommand command);

  @UpdateValidatorMethod(updateName = "reject")
  void validateReject(ApprovalCommand command);

  @UpdateMethod
  ExtendTimeoutResult extendTimeout(ExtendTimeoutRequest request);

  @UpdateValidatorMethod(updateName = "extendTimeout")
  void validateExtendTimeout(ExtendTimeoutRequest request);

  @QueryMethod
  RemediationState state();
}
