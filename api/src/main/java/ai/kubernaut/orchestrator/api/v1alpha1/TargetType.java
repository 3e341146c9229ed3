package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the target of a signal lives ({@code spec.targetType}); absent means kubernetes.
 *
 * <p>Serialized as the exact Kubernetes string. A string this version does not know (written by a
 * newer or older controller) reads as {@link #UNKNOWN} instead of failing the whole object.
 */
public enum TargetType implements WireValue {
  KUBERNETES("kubernetes"),
  AWS("aws"),
  AZURE("azure"),
  GCP("gcp"),
  DATADOG("datadog"),
  /** A value this version does not know; never written by the orchestrator. */
  @JsonIgnore
  UNKNOWN("Unknown");

  private final String value;

  TargetType(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The constant for {@code value}, or {@link #UNKNOWN} when the value is not known. */
  @JsonCreator
  public static TargetType fromValue(String value) {
    return WireValue.parse(values(), value, UNKNOWN);
  }

  @Override
  public String toString() {
    return value;
  }
}
