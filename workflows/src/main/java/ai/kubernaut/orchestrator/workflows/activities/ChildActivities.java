package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.ChildKey;
import ai.kubernaut.orchestrator.workflows.model.ChildObservation;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import io.temporal.activity.ActivityInterface;

/**
 * Creates, reads and closes the RR's children. Every create is create-or-adopt: an existing child
 * with the same name controlled by this RR is returned with {@code adopted = true}; one controlled
 * by another owner fails non-retryably with {@link FailureTypes#CHILD_OWNED_BY_OTHER}.
 */
@ActivityInterface
public interface ChildActivities {

  ChildRef createSignalProcessing(CreateSignalProcessing request);

  ChildRef createAIAnalysis(CreateAIAnalysis request);

  ChildRef createApprovalRequest(CreateApprovalRequest request);

  ChildRef createWorkflowExecution(CreateWorkflowExecution request);

  /** The child's current status; not found is a result ("not yet"), never a failure. */
  ChildObservation readChildStatus(ChildKey key);

  /** Writes decision, decidedBy, decidedAt, decisionMessage and decidedVia=temporal. */
  void recordApprovalDecision(ApprovalDecisionRecord decision);

  /** Marks running children terminal; returns how many were changed. */
  int markChildrenTerminal(TerminateChildren request);

  /**
   * Moves a child's deadline (the one spec field the orchestrator changes on its own children);
   * false when the child is gone or already holds that deadline. Idempotent.
   */
  boolean extendChildDeadline(ExtendChildDeadline request);
}
