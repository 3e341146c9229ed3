package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.CancelRequestInfo;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestLookup;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.WorkflowWatch;
import io.temporal.activity.ActivityInterface;

/**
 * Routing (SPEC §5, BR-ORCH-032/033/034) as seen from the workflows: each call reaches one of the
 * coordination workflows ({@code FingerprintCoordinatorWorkflow}, {@code TargetLockWorkflow})
 * through the Temporal client, with update-with-start where the workflow may not run yet. The
 * implementation ({@code activities.routing.RoutingActivitiesImpl}) only delegates to {@code
 * workflows.routing.RoutingClient}; all decisions are taken inside the coordination workflows.
 */
@ActivityInterface
public interface RoutingActivities {

  /** Update-with-start on {@code coord/<fingerprint>/<target>}: owner, or duplicate of whom. */
  RoutingVerdict registerRemediation(RoutingRequest request);

  /** Update on the coordinator (never starts one): the duplicates that inherit the outcome. */
  RoutingReleaseResult releaseRemediation(RoutingRelease release);

  /** Update-with-start on {@code lock/<target>}: Granted, Queued or RecentlyRemediated. */
  LockAnswer acquireExecutionLock(LockRequest request);

  /**
   * Returns once no run of the workflow is running (used by the coordination workflows to notice a
   * holder or owner that closed without releasing: terminate, reset, a failed run). Each attempt
   * takes one short look and fails retryably while the workflow runs, so the retry policy is the
   * polling schedule and no worker slot is held in between.
   */
  void awaitWorkflowClosed(WorkflowWatch watch);

  /**
   * The reason and requester of a run's cancel request, read from its history (a workflow cannot
   * read its own WorkflowExecutionCancelRequested event); unknown fields are null.
   */
  CancelRequestInfo describeCancelRequest(CancelRequestLookup lookup);
}
