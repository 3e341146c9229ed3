package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a finished remediation ended ({@code status.outcome}).
 *
 * <p>Serialized as the exact Kubernetes string. A string this version does not know (written by a
 * newer or older controller) reads as {@link #UNKNOWN} instead of failing the whole object.
 */
public enum RemediationOutcome implements WireValue {
  REMEDIATED("Remediated"),
  NO_ACTION_REQUIRED("NoActionRequired"),
  MANUAL_REVIEW_REQUIRED("ManualReviewRequired"),
  DEDUPLICATED("Deduplicated"),
  CANCELLED("Cancelled"),
  FAILED("Failed"),
  TIMED_OUT("TimedOut"),
  /** A value this version does not know; never written by the orchestrator. */
  @JsonIgnore
  UNKNOWN("Unknown");

  private final String value;

  RemediationOutcome(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The constant for {@code value}, or {@link #UNKNOWN} when the value is not known. */
  @JsonCreator
  public static RemediationOutcome fromValue(String value) {
    return WireValue.parse(values(), value, UNKNOWN);
  }

  @Override
  public String toString() {
    return value;
  }
}
