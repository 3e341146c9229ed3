package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.ExecutionOutcome;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated WorkflowExecution controller: Running with one more step completed per write, then
 * Completed; or Failed at step 2 (failedStep, failedAction, errorType, failureReason); or Skipped
 * (ResourceBusy, RecentlyRemediated); or stuck in Running ({@code sandbox.kubernaut.ai/we}). The
 * outcome is chosen per attempt: the attempt is read from the name ({@code we-<rr>-recovery-<n>} is
 * attempt n, {@code we-<rr>} attempt 0).
 */
final class WorkflowExecutionController extends ScriptedController<WorkflowExecution> {

  static final String ERROR_TYPE = "TaskFailed";
  static final String RESOURCE_BUSY = "ResourceBusy";
  static final String RECENTLY_REMEDIATED = "RecentlyRemediated";

  private static final Pattern RECOVERY_ATTEMPT =
      Pattern.compile("-recovery-(\\d+)(?:-retry-\\d+)?$");

  WorkflowExecutionController(
      KubernetesClient client,
      ControllerConfig config,
      RemediationRequests remediationRequests,
      ScheduledExecutorService executor,
      ChildStore<WorkflowExecution> store) {
    super(WorkflowExecution.class, client, config, remediationRequests, executor, store);
  }

  /** 0 for the initial execution, n for {@code ...-recovery-<n>} (also after a retry suffix). */
  static int attemptOf(String name) {
    Matcher matcher = RECOVERY_ATTEMPT.matcher(name == null ? "" : name);
    if (!matcher.find()) {
      return 0;
    }
    try {
      return Integer.parseInt(matcher.group(1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static WorkflowExecutionPhase phase(WorkflowExecution we) {
    return we.getStatus() == null || we.getStatus().getPhase() == null
        ? WorkflowExecutionPhase.PENDING
        : we.getStatus().getPhase();
  }

  private static int stepsCompleted(WorkflowExecution we) {
    return we.getStatus() == null || we.getStatus().getStepsCompleted() == null
        ? 0
        : we.getStatus().getStepsCompleted();
  }

  @Override
  String state(WorkflowExecution we) {
    return phase(we).value() + "/" + stepsCompleted(we);
  }

  @Override
  boolean isFinished(WorkflowExecution we) {
    WorkflowExecutionPhase phase = phase(we);
    return phase.isTerminal() || phase == WorkflowExecutionPhase.UNKNOWN;
  }

  @Override
  ObjectReference remediationRequestRef(WorkflowExecution we) {
    return we.getSpec() == null ? null : we.getSpec().getRemediationRequestRef();
  }

  @Override
  Optional<String> deadline(WorkflowExecution we) {
    return Optional.ofNullable(we.getSpec()).map(WorkflowExecutionSpec::getTimesOutAt);
  }

  @Override
  Optional<Step<WorkflowExecution>> next(WorkflowExecution we, StepContext context) {
    int attempt = attemptOf(we.getMetadata().getName());
    ExecutionOutcome outcome = context.script().executionFor(attempt);
    Clock clock = config().clock();
    int total =
        we.getStatus() != null && we.getStatus().getTotalSteps() != null
            ? we.getStatus().getTotalSteps()
            : context.script().steps();
    List<String> steps = SandboxCatalog.stepNames(workflowId(we), total);
    int done = stepsCompleted(we);
    return switch (phase(we)) {
      case PENDING ->
          switch (outcome) {
            case SKIP_RESOURCE_BUSY -> Optional.of(skipped(context, clock, RESOURCE_BUSY));
            case SKIP_RECENTLY_REMEDIATED ->
                Optional.of(skipped(context, clock, RECENTLY_REMEDIATED));
            default ->
                Optional.of(
                    Step.of(
                        "Pending -> Running 0/" + total,
                        context.stepDelay(),
                        fresh -> {
                          WorkflowExecutionStatus status = status(fresh);
                          status.setPhase(WorkflowExecutionPhase.RUNNING);
                          status.setStepsCompleted(0);
                          status.setTotalSteps(total);
                          status.setMessage("running step 1/" + total + ": " + steps.get(0));
                        }));
          };
      case RUNNING -> running(context, clock, outcome, steps, done, attempt);
      default -> Optional.empty();
    };
  }

  private Optional<Step<WorkflowExecution>> running(
      StepContext context,
      Clock clock,
      ExecutionOutcome outcome,
      List<String> steps,
      int done,
      int attempt) {
    int total = steps.size();
    if (outcome == ExecutionOutcome.STUCK || done >= total) {
      return Optional.empty();
    }
    int current = done + 1;
    if (outcome == ExecutionOutcome.FAIL && current == SandboxCatalog.failingStep(total)) {
      String action = steps.get(current - 1);
      // attempt numbers are 1-based, as in the RR's workflowExecutionRefs[].attemptNumber
      String reason =
          "step %d (%s) exited with code 1 on attempt %d (scripted by %s=%s)"
              .formatted(
                  current,
                  action,
                  attempt + 1,
                  Script.EXECUTION,
                  context.script().execution().value());
      return Optional.of(
          Step.of(
              "Running " + done + "/" + total + " -> Failed at step " + current,
              context.stepDelay(),
              fresh -> {
                WorkflowExecutionStatus status = status(fresh);
                status.setPhase(WorkflowExecutionPhase.FAILED);
                status.setStepsCompleted(done);
                status.setTotalSteps(total);
                status.setFailedStep(current);
                status.setFailedAction(action);
                status.setErrorType(ERROR_TYPE);
                status.setFailureReason(reason);
                status.setCompletionTime(clock.instant().toString());
                status.setMessage("failed at step " + current + "/" + total + ": " + action);
              }));
    }
    if (current == total) {
      return Optional.of(
          Step.of(
              "Running " + done + "/" + total + " -> Completed",
              context.stepDelay(),
              fresh -> {
                WorkflowExecutionStatus status = status(fresh);
                status.setPhase(WorkflowExecutionPhase.COMPLETED);
                status.setStepsCompleted(total);
                status.setTotalSteps(total);
                status.setCompletionTime(clock.instant().toString());
                status.setMessage("all " + total + " steps completed");
              }));
    }
    return Optional.of(
        Step.of(
            "Running " + done + "/" + total + " -> Running " + current + "/" + total,
            context.stepDelay(),
            fresh -> {
              WorkflowExecutionStatus status = status(fresh);
              status.setStepsCompleted(current);
              status.setTotalSteps(total);
              status.setMessage(
                  "running step " + (current + 1) + "/" + total + ": " + steps.get(current));
            }));
  }

  private static Step<WorkflowExecution> skipped(StepContext context, Clock clock, String reason) {
    String message =
        RESOURCE_BUSY.equals(reason)
            ? "another workflow is running on the target"
            : "the target was remediated moments ago";
    return Step.of(
        "Pending -> Skipped (" + reason + ")",
        context.stepDelay(),
        fresh -> {
          WorkflowExecutionStatus status = status(fresh);
          status.setPhase(WorkflowExecutionPhase.SKIPPED);
          status.setSkipReason(reason);
          status.setCompletionTime(clock.instant().toString());
          status.setMessage("skipped: " + message);
        });
  }

  private static String workflowId(WorkflowExecution we) {
    return we.getSpec() == null || we.getSpec().getWorkflowRef() == null
        ? null
        : we.getSpec().getWorkflowRef().getWorkflowId();
  }

  private static WorkflowExecutionStatus status(WorkflowExecution we) {
    if (we.getStatus() == null) {
      we.setStatus(new WorkflowExecutionStatus());
    }
    return we.getStatus();
  }
}
