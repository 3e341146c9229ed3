package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.model.RoutingPolicy;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.List;

/**
 * One per signal fingerprint and target ({@code coord/<fingerprint>/<target>}), started by the
 * first registration (update-with-start) and closed when nothing is active and no failure streak is
 * remembered. Decides owner vs duplicate (SPEC §5 DuplicateInProgress), hands an owner's outcome to
 * its duplicates and counts consecutive failures.
 */
@WorkflowInterface
public interface FingerprintCoordinatorWorkflow {

  String TYPE = "FingerprintCoordinatorWorkflow";

  @WorkflowMethod(name = TYPE)
  void run(Input input);

  /** Owner (Proceed, or Blocked/ConsecutiveFailures) or Blocked/DuplicateInProgress. */
  @UpdateMethod
  RoutingVerdict register(RoutingRequest request);

  @UpdateValidatorMethod(updateName = "register")
  void validateRegister(RoutingRequest request);

  /** The remediation ended; returns the duplicates that inherited its outcome. */
  @UpdateMethod
  RoutingReleaseResult release(RoutingRelease release);

  @QueryMethod
  State state();

  /** Start input; {@code carried} is set only by continue-as-new. */
  record Input(String fingerprint, TargetRef target, RoutingPolicy policy, State carried) {}

  /** A registered remediation still active. {@code duplicateOf} = owner's workflow ID, or null. */
  record Member(
      String workflowId,
      String rrName,
      Instant creationTimestamp,
      Instant registeredAt,
      String duplicateOf,
      RoutingVerdict verdict) {}

  /** A release already processed (kept for idempotent retries of the release activity). */
  record Released(String workflowId, List<String> duplicates) {}

  /**
   * Everything the coordinator knows; the query result and the continue-as-new carrier. {@code
   * awaitingRelease}: duplicates that inherited an outcome and have not released yet.
   */
  record State(
      List<Member> members,
      int consecutiveFailures,
      Instant lastFailure,
      String lastFailedRemediation,
      List<Released> released,
      long decisions,
      List<String> awaitingRelease) {

    public State {
      members = members == null ? List.of() : List.copyOf(members);
      released = released == null ? List.of() : List.copyOf(released);
      awaitingRelease = awaitingRelease == null ? List.of() : List.copyOf(awaitingRelease);
    }
  }
}
