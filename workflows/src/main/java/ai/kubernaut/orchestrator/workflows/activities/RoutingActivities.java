package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import io.temporal.activity.ActivityInterface;

/**
 * Routing hooks (SPEC §5, BR-ORCH-032/033/034) for the routing issue to implement. The workflow
 * does NOT call them yet; this is where it will:
 *
 * <ul>
 *   <li>{@link #registerRemediation} in Pending, after validation and before the SignalProcessing
 *       is created: a DuplicateInProgress answer makes the RR Blocked ({@code duplicateOf}) until
 *       the first RR ends, then it inherits the outcome.
 *   <li>{@link #checkExecutionGate} after the analysis (and the approval) and before the
 *       WorkflowExecution is created: RecentlyRemediated gives Skipped, ConsecutiveFailures gives
 *       Blocked for 1h then Failed with an Escalation NR.
 *   <li>{@link #acquireExecutionLock} right before the WorkflowExecution is created: ResourceBusy
 *       gives Blocked until the holder releases (the lock itself may well be a Temporal workflow
 *       per target that this activity signals; a WE that reports Skipped/ResourceBusy comes back
 *       here too).
 *   <li>{@link #releaseRemediation} in terminal handling, before the final status write: releases
 *       the lock, completes the duplicates and orders the bulk NR ({@code nr-bulk-<rr>}).
 * </ul>
 *
 * The workflow's Blocked phase (a wait with its own timer, leaving it through the transitions of
 * {@code PhaseTransitions}) is added together with the implementation.
 */
@ActivityInterface
public interface RoutingActivities {

  RoutingVerdict registerRemediation(RoutingRequest request);

  RoutingVerdict checkExecutionGate(RoutingRequest request);

  RoutingVerdict acquireExecutionLock(RoutingRequest request);

  void releaseRemediation(RoutingRelease release);
}
