package ai.kubernaut.orchestrator.sandbox.scenarios;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a scenario's RR must end. {@code phase} and {@code outcome} are always checked; the other
 * fields only when not null.
 *
 * @param phase terminal {@code status.overallPhase}
 * @param outcome {@code status.outcome}
 * @param recoveryAttempts {@code status.recoveryAttempts} (absent counts as 0)
 * @param failurePhase {@code status.failurePhase}
 * @param timeoutPhase {@code status.timeoutPhase}
 */
public record Expected(
    RemediationPhase phase,
    RemediationOutcome outcome,
    Integer recoveryAttempts,
    String failurePhase,
    RemediationPhase timeoutPhase) {

  public Expected {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(outcome, "outcome");
    if (!phase.isTerminal()) {
      throw new IllegalArgumentException("expected phase must be terminal, got " + phase);
    }
  }

  /** Ends in {@code phase} with {@code outcome}; nothing else checked. */
  public static Expected of(RemediationPhase phase, RemediationOutcome outcome) {
    return new Expected(phase, outcome, null, null, null);
  }

  public Expected withRecoveryAttempts(int value) {
    return new Expected(phase, outcome, value, failurePhase, timeoutPhase);
  }

  public Expected withFailurePhase(String value) {
    return new Expected(phase, outcome, recoveryAttempts, value, timeoutPhase);
  }

  public Expected withTimeoutPhase(RemediationPhase value) {
    return new Expected(phase, outcome, recoveryAttempts, failurePhase, value);
  }

  /** {@code Phase/Outcome}, as the report shows it. */
  public String label() {
    return phase.value() + "/" + outcome.value();
  }

  /** What differs between this expectation and {@code rr}'s status; empty when it matches. */
  public List<String> mismatches(RemediationRequest rr) {
    List<String> mismatches = new ArrayList<>();
    RemediationRequestStatus status = rr == null ? null : rr.getStatus();
    if (status == null) {
      mismatches.add("no status");
      return mismatches;
    }
    if (status.getOverallPhase() != phase) {
      mismatches.add("phase " + show(status.getOverallPhase()) + ", expected " + phase.value());
    }
    if (status.getOutcome() != outcome) {
      mismatches.add("outcome " + show(status.getOutcome()) + ", expected " + outcome.value());
    }
    if (recoveryAttempts != null) {
      int actual = status.getRecoveryAttempts() == null ? 0 : status.getRecoveryAttempts();
      if (actual != recoveryAttempts) {
        mismatches.add("recoveryAttempts " + actual + ", expected " + recoveryAttempts);
      }
    }
    if (failurePhase != null && !failurePhase.equals(status.getFailurePhase())) {
      mismatches.add(
          "failurePhase " + show(status.getFailurePhase()) + ", expected " + failurePhase);
    }
    if (timeoutPhase != null && status.getTimeoutPhase() != timeoutPhase) {
      mismatches.add(
          "timeoutPhase " + show(status.getTimeoutPhase()) + ", expected " + timeoutPhase.value());
    }
    return mismatches;
  }

  private static String show(Object value) {
    if (value == null) {
      return "(none)";
    }
    if (value instanceof RemediationPhase p) {
      return p.value();
    }
    if (value instanceof RemediationOutcome o) {
      return o.value();
    }
    return value.toString();
  }
}
