package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import java.util.Set;

/** Which child phases end the wait on that child (SPEC §2.2). */
public final class ChildPhases {

  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";
  public static final String SKIPPED = "Skipped";
  public static final String APPROVED = "Approved";
  public static final String REJECTED = "Rejected";
  public static final String EXPIRED = "Expired";

  private static final Set<String> DONE = Set.of(COMPLETED, FAILED);
  private static final Set<String> DECIDED = Set.of(APPROVED, REJECTED, EXPIRED);
  private static final Set<String> EXECUTION_DONE = Set.of(COMPLETED, FAILED, SKIPPED);

  private ChildPhases() {}

  public static boolean isTerminal(ChildKind kind, String phase) {
    if (kind == null || phase == null) {
      return false;
    }
    return switch (kind) {
      case SignalProcessing, AIAnalysis -> DONE.contains(phase);
      case RemediationApprovalRequest -> DECIDED.contains(phase);
      case WorkflowExecution -> EXECUTION_DONE.contains(phase);
      case NotificationRequest -> Set.of("Sent", FAILED).contains(phase);
    };
  }
}
