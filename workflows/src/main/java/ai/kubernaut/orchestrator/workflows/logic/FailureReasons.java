package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import java.util.Locale;

/** The strings a failure is known by in status and in the Temporal UI. */
public final class FailureReasons {

  /** failurePhase of an invalid spec or an API rejection (SPEC §3 Pending, §6 C). */
  public static final String CONFIGURATION = "Configuration";

  public static final String SIGNAL_PROCESSING = "SignalProcessing";
  public static final String AI_ANALYSIS = "AIAnalysis";
  public static final String APPROVAL = "Approval";
  public static final String WORKFLOW_EXECUTION = "WorkflowExecution";

  /** ApplicationFailure type of a workflow bug caught by the main method. */
  public static final String INTERNAL_ERROR = "InternalError";

  public static final String PHASE_TIMEOUT = "PhaseTimeout";
  public static final String GLOBAL_TIMEOUT = "GlobalTimeout";

  private FailureReasons() {}

  /** status.recoveryReason: {@code workflow_<errorType>_step_<n>}. */
  public static String recoveryReason(String errorType, Integer failedStep) {
    String type =
        errorType == null || errorType.isBlank()
            ? "unknown"
            : errorType.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return "workflow_" + type + "_step_" + (failedStep == null ? "unknown" : failedStep);
  }

  /**
   * The type of the non-retryable ApplicationFailure a failed run ends with: TimedOut for a
   * timeout, ManualReviewRequired when a person must take over, else the failure phase.
   */
  public static String failureType(Phase phase, Outcome outcome, String failurePhase) {
    if (phase == Phase.TimedOut) {
      return "TimedOut";
    }
    if (outcome == Outcome.ManualReviewRequired) {
      return "ManualReviewRequired";
    }
    return failurePhase != null ? failurePhase : phase.name();
  }
}
