package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.logic.CurrentDetails;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.routing.FingerprintCoordinatorWorkflowImpl;
import ai.kubernaut.orchestrator.workflows.routing.TargetLockWorkflowImpl;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * How the rest of the project starts and hosts the RemediationWorkflow: start options for the
 * bridge, implementation options and registration for every worker (orchestrator, sandbox, tests).
 */
public final class RemediationWorkflowHosting {

  private RemediationWorkflowHosting() {}

  /**
   * The implementation options every worker registers the workflow with.
   *
   * <p>Fail-workflow exception types: deliberately none. A bug in the main path (any
   * RuntimeException that is not a Temporal failure) is caught by the workflow itself, which then
   * ends the remediation like any failure: final status Failed with reason InternalError, running
   * children marked, an Escalation NR, and a non-retryable {@code InternalError} ApplicationFailure
   * (red in the UI; an operator can {@code temporal workflow reset} after a fix). What remains
   * uncaught, a bug inside a signal or update handler and a {@code NonDeterministicException} after
   * a bad deployment, fails the workflow task instead: the run stays open, the task is retried, the
   * UI and the SDK's workflow-task-failure metric show it, and deploying the fix resumes the run
   * where it stood. Failing the run in that case would throw away every running remediation on a
   * bad deployment, which is worse than a visible pause.
   */
  public static WorkflowImplementationOptions implementationOptions() {
    return WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes().build();
  }

  /**
   * Registers the RemediationWorkflow and the routing workflows ({@code
   * FingerprintCoordinatorWorkflow}, {@code TargetLockWorkflow}) on {@code worker} with {@link
   * #implementationOptions}. The worker also needs a {@code RoutingActivities} implementation.
   */
  public static void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(
        implementationOptions(),
        RemediationWorkflowImpl.class,
        FingerprintCoordinatorWorkflowImpl.class,
        TargetLockWorkflowImpl.class);
  }

  /**
   * Start options for one RR: the derived workflow ID, USE_EXISTING on conflict (restarts and
   * resyncs of the bridge are harmless), REJECT_DUPLICATE on reuse (a closed remediation is never
   * started again; a recreated RR has a new UID, hence a new ID), the static summary and details of
   * SPEC §8, and the initial search attributes so a new run is searchable before its first task.
   */
  public static WorkflowOptions startOptions(RemediationInput input, String taskQueue) {
    String id = WorkflowIds.of(input.rr());
    RemediationSnapshot s = input.snapshot();
    SearchAttributes.Builder sa = SearchAttributes.newBuilder();
    sa.set(RemediationSearchAttributes.PHASE, "Pending");
    sa.set(RemediationSearchAttributes.RECOVERY_ATTEMPTS, 0L);
    if (s != null) {
      setIfPresent(sa, RemediationSearchAttributes.SIGNAL_FINGERPRINT, s.signalFingerprint());
      setIfPresent(sa, RemediationSearchAttributes.SIGNAL_NAME, s.signalName());
      setIfPresent(sa, RemediationSearchAttributes.SEVERITY, s.severity());
      setIfPresent(sa, RemediationSearchAttributes.ENVIRONMENT, s.environment());
      setIfPresent(sa, RemediationSearchAttributes.PRIORITY, s.priority());
      if (s.target() != null) {
        setIfPresent(sa, RemediationSearchAttributes.TARGET_RESOURCE, s.target().display());
        setIfPresent(sa, RemediationSearchAttributes.TARGET_NAMESPACE, s.target().namespace());
      }
    }
    return WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(taskQueue)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setStaticSummary(staticSummary(input))
        .setStaticDetails(staticDetails(input))
        .setTypedSearchAttributes(sa.build())
        .build();
  }

  /** {@code <signalName> on <kind>/<name>}. */
  public static String staticSummary(RemediationInput input) {
    return CurrentDetails.staticSummary(input.snapshot());
  }

  /** Markdown with the RR, signal, target, fingerprint and workflow ID. */
  public static String staticDetails(RemediationInput input) {
    return CurrentDetails.staticDetails(
        input.rr().namespace(), input.rr().name(), input.snapshot(), WorkflowIds.of(input.rr()));
  }

  private static void setIfPresent(
      SearchAttributes.Builder b, io.temporal.common.SearchAttributeKey<String> key, String value) {
    if (value != null && !value.isBlank()) {
      b.set(key, value);
    }
  }
}
