package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole state of one remediation: returned by the {@code state} query and carried over when the
 * workflow continues as new (the new run resumes the same phase, child and deadlines without
 * re-creating children or re-sending notifications).
 *
 * @param status the RR status as the workflow wants it (the phase is {@code status.overallPhase})
 * @param statusSequence the sequence of the last status write (keeps increasing across runs)
 * @param waitingFor what the current phase waits for, in words
 * @param phaseDeadline when the current phase times out (moved by retry and extendTimeout)
 * @param globalDeadline when the remediation times out (startTime + global timeout, extendable)
 * @param current the child the current phase waits on (null in Pending and when terminal)
 * @param retries operator retries so far, all phases
 * @param signalProcessingName the SignalProcessing whose result is in force
 * @param analysisName the AIAnalysis whose recommendation is in force (feeds RAR and WE)
 * @param recoveryContext the failure context of the current recovery attempt (null before one)
 * @param environment the effective environment (spec, else SignalProcessing's classification)
 * @param priority the effective priority (spec, else SignalProcessing's classification)
 * @param operatorDecision an approve/reject taken through the Temporal update (null otherwise)
 * @param children every child name the workflow created or is creating (signals for others are
 *     ignored)
 * @param observed the newest accepted status of each child (stale/duplicate signals are dropped)
 * @param failurePatterns failedAction|errorType|failedStep of each failed WorkflowExecution
 * @param timeline short, time-stamped lines of what happened (also sent in notifications)
 * @param runs how many runs this remediation used (1 + continue-as-new count)
 * @param routing the routing state (coordinator registration, lock, block)
 * @param retryNumbers the last {@code -retry-<k>} number taken per child base name, by operator
 *     retries and ResourceBusy re-creations alike (null in state carried by older runs)
 * @param superseded children an operator retry replaced (marked Superseded; their late decisions
 *     are reported, not acted on)
 */
public record RemediationState(
    DesiredStatus status,
    long statusSequence,
    String waitingFor,
    Instant phaseDeadline,
    Instant globalDeadline,
    CurrentChild current,
    int retries,
    String signalProcessingName,
    String analysisName,
    RecoveryContext recoveryContext,
    String environment,
    String priority,
    OperatorDecision operatorDecision,
    List<String> children,
    List<ChildStatus> observed,
    List<String> failurePatterns,
    List<String> timeline,
    int runs,
    RoutingState routing,
    Map<String, Integer> retryNumbers,
    List<String> superseded) {

  public RemediationState {
    retryNumbers = retryNumbers == null ? Map.of() : Map.copyOf(retryNumbers);
    superseded = superseded == null ? List.of() : List.copyOf(superseded);
    children = children == null ? List.of() : List.copyOf(children);
    observed = observed == null ? List.of() : List.copyOf(observed);
    failurePatterns = failurePatterns == null ? List.of() : List.copyOf(failurePatterns);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  /** The phase (shortcut for {@code status.overallPhase}). */
  public Phase phase() {
    return status == null ? Phase.Pending : status.overallPhase();
  }

  /**
   * The child a phase waits on; {@code baseName} is its name without {@code -retry-<k>} and {@code
   * retry} is k (0 before any operator retry).
   */
  public record CurrentChild(ChildKind kind, String name, String baseName, int retry) {}

  /** An approval decision taken through the {@code approve} / {@code reject} update. */
  public record OperatorDecision(
      String decision, String by, String message, Instant at, String approvalRequestName) {}
}
