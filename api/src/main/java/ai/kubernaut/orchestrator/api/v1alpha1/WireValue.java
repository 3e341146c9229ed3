package ai.kubernaut.orchestrator.api.v1alpha1;

/**
 * An enum of the CRDs serialized as its exact Kubernetes string, with an {@code UNKNOWN} constant
 * for strings this version does not know.
 */
public interface WireValue {

  /** The string on the wire. */
  String value();

  /** The constant whose {@link #value()} is {@code value}, or {@code unknown}. */
  static <E extends Enum<E> & WireValue> E parse(E[] constants, String value, E unknown) {
    for (E constant : constants) {
      if (constant != unknown && constant.value().equals(value)) {
        return constant;
      }
    }
    return unknown;
  }
}
