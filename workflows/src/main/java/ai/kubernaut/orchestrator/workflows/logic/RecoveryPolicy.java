package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import java.util.Collection;

/**
 * Whether a failed WorkflowExecution may be recovered (SPEC §3 Recovering): fewer attempts than the
 * maximum, a failure pattern not seen before, and a cluster-wide termination rate below the
 * threshold. The first two are checked before the (remote) rate is asked for.
 */
public final class RecoveryPolicy {

  public static final String MAX_ATTEMPTS_EXCEEDED = "max_recovery_attempts_exceeded";
  public static final String REPEATED_PATTERN = "repeated_failure_pattern";
  public static final String RATE_EXCEEDED = "termination_rate_exceeded";

  /**
   * The rate could not be read: refuse, since the orchestrator cannot show the cluster is healthy
   * enough for another automated change.
   */
  public static final String RATE_UNAVAILABLE = "termination_rate_unavailable";

  /** {@code viable} or not, with the escalation reason. */
  public record Verdict(boolean viable, String reason) {
    public static Verdict allow() {
      return new Verdict(true, null);
    }

    public static Verdict deny(String reason) {
      return new Verdict(false, reason);
    }
  }

  private RecoveryPolicy() {}

  /** {@code failedAction|errorType|failedStep}: two failures with the same pattern are a repeat. */
  public static String pattern(ChildStatus.Execution e) {
    if (e == null) {
      return "null|null|null";
    }
    return e.failedAction() + "|" + e.errorType() + "|" + e.failedStep();
  }

  /** The local checks; an empty verdict (null) means "ask for the termination rate". */
  public static Verdict beforeRate(
      int attempts, int maxAttempts, Collection<String> seenPatterns, String pattern) {
    if (attempts >= maxAttempts) {
      return Verdict.deny(MAX_ATTEMPTS_EXCEEDED);
    }
    if (seenPatterns.contains(pattern)) {
      return Verdict.deny(REPEATED_PATTERN);
    }
    return null;
  }

  /**
   * Below this many remediations ended in the window the rate says nothing about the cluster (one
   * failure out of one would stop every recovery everywhere), so the rate check passes.
   */
  public static final long MINIMUM_SAMPLE = 10;

  /** The rate check; a null rate means it could not be read. */
  public static Verdict withRate(TerminationRate rate, double threshold) {
    if (rate == null) {
      return Verdict.deny(RATE_UNAVAILABLE);
    }
    if (rate.attempted() < MINIMUM_SAMPLE) {
      return Verdict.allow();
    }
    return rate.ratio() >= threshold ? Verdict.deny(RATE_EXCEEDED) : Verdict.allow();
  }
}
