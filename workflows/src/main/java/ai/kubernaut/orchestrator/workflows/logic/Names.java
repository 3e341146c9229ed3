package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import java.time.Duration;

/**
 * The workflow's one door to the api module's naming and duration helpers ({@link ChildNames},
 * {@link GoDuration}): pure, deterministic functions, safe in workflow code. Keeping the calls here
 * means a change of those helpers' signatures touches one class.
 */
public final class Names {

  private Names() {}

  public static String signalProcessing(String rr) {
    return ChildNames.signalProcessing(rr);
  }

  public static String aiAnalysis(String rr) {
    return ChildNames.aiAnalysis(rr);
  }

  public static String recoveryAiAnalysis(String rr, int attempt) {
    return ChildNames.recoveryAiAnalysis(rr, attempt);
  }

  public static String approvalRequest(String rr) {
    return ChildNames.approvalRequest(rr);
  }

  public static String recoveryApprovalRequest(String rr, int attempt) {
    return ChildNames.recoveryApprovalRequest(rr, attempt);
  }

  public static String workflowExecution(String rr) {
    return ChildNames.workflowExecution(rr);
  }

  public static String recoveryWorkflowExecution(String rr, int attempt) {
    return ChildNames.recoveryWorkflowExecution(rr, attempt);
  }

  /** {@code <childName>-retry-<retry>} (hash-shortened when too long). */
  public static String withRetry(String childName, int retry) {
    return ChildNames.withRetry(childName, retry);
  }

  /** A Go duration ({@code 15m}, {@code 1h30m}); IllegalArgumentException when not one. */
  public static Duration parseGoDuration(String value) {
    return GoDuration.parse("by", value);
  }
}
