package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.RecoveryContext;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The recovery state of a remediation: attempts, the failure patterns seen, the context of the
 * current attempt. Changed by {@link WorkflowExecutionFailure} (and the spec's limit at
 * validation); everyone else reads it.
 */
final class Recovery {
  private int attempts;
  private int maxAttempts;
  private Instant lastFailureTime;
  private String reason;
  private boolean escalatedToManualReview;
  private final Set<String> failurePatterns = new LinkedHashSet<>();
  private RecoveryContext context;

  Recovery(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** The validated spec's {@code recoveryConfig.maxAttempts} replaces the default. */
  void limitAttempts(int max) {
    maxAttempts = max;
  }

  /** A WorkflowExecution failed at {@code at}: the reason of the recovery it may start. */
  void recordFailure(Instant at, String recoveryReason) {
    lastFailureTime = at;
    reason = recoveryReason;
  }

  /** Remembered after the verdict, so a pattern counts as repeated from its second failure. */
  void rememberPattern(String pattern) {
    failurePatterns.add(pattern);
  }

  void escalateToManualReview() {
    escalatedToManualReview = true;
  }

  /** Starts the next attempt after {@code failed} failed with {@code e}. */
  void startAttempt(ChildStatus failed, List<String> previousAnalyses) {
    ChildStatus.Execution e = failed.execution();
    attempts++;
    context =
        new RecoveryContext(
            attempts,
            failed.name(),
            e == null ? null : e.failedStep(),
            e == null ? null : e.failedAction(),
            e == null ? null : e.errorType(),
            e == null ? failed.message() : e.failureReason(),
            previousAnalyses);
  }

  int attempts() {
    return attempts;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  String reason() {
    return reason;
  }

  /** The failure context of the current attempt (null before one). */
  RecoveryContext context() {
    return context;
  }

  Set<String> failurePatterns() {
    return Collections.unmodifiableSet(failurePatterns);
  }

  DesiredStatus.Recovery toStatus() {
    return new DesiredStatus.Recovery(
        attempts, maxAttempts, lastFailureTime, reason, escalatedToManualReview);
  }

  /** A continued run takes the recovery state over from the previous one. */
  void restore(DesiredStatus.Recovery r, List<String> patterns, RecoveryContext ctx) {
    if (r != null) {
      attempts = r.recoveryAttempts();
      maxAttempts = r.maxRecoveryAttempts();
      lastFailureTime = r.lastFailureTime();
      reason = r.recoveryReason();
      escalatedToManualReview = r.escalatedToManualReview();
    }
    failurePatterns.addAll(patterns);
    context = ctx;
  }
}
