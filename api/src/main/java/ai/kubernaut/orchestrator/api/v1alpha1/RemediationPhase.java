package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The overall phase of a RemediationRequest ({@code status.overallPhase}).
 *
 * <p>Serialized as the exact Kubernetes string. A string this version does not know (written by a
 * newer or older controller) reads as {@link #UNKNOWN} instead of failing the whole object.
 */
public enum RemediationPhase implements WireValue {
  PENDING("Pending"),
  PROCESSING("Processing"),
  ANALYZING("Analyzing"),
  AWAITING_APPROVAL("AwaitingApproval"),
  EXECUTING("Executing"),
  RECOVERING("Recovering"),
  BLOCKED("Blocked"),
  COMPLETED("Completed"),
  FAILED("Failed"),
  TIMED_OUT("TimedOut"),
  CANCELLED("Cancelled"),
  SKIPPED("Skipped"),
  /** A value this version does not know; never written by the orchestrator. */
  @JsonIgnore
  UNKNOWN("Unknown");

  private final String value;

  RemediationPhase(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The constant for {@code value}, or {@link #UNKNOWN} when the value is not known. */
  @JsonCreator
  public static RemediationPhase fromValue(String value) {
    return WireValue.parse(values(), value, UNKNOWN);
  }

  /** Whether no further transition follows this phase. */
  public boolean isTerminal() {
    return switch (this) {
      case COMPLETED, FAILED, TIMED_OUT, CANCELLED, SKIPPED -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return value;
  }
}
