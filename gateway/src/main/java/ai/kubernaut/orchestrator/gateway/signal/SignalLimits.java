package ai.kubernaut.orchestrator.gateway.signal;

/** Bounds on what one signal may carry into a RemediationRequest. */
public final class SignalLimits {

  /** The SPEC's bound on spec.originalPayload; a longer alert is stored cut, with a marker. */
  public static final int MAX_RAW_PAYLOAD_CHARS = 16 * 1024;

  public static final int MAX_LABELS = 64;
  public static final int MAX_LABEL_VALUE_CHARS = 1024;
  public static final int MAX_ANNOTATION_VALUE_CHARS = 8 * 1024;

  /** Kubernetes allows 253 for an object name; the SPEC bounds spec.signalName to the same. */
  public static final int MAX_NAME_CHARS = 253;

  private SignalLimits() {}

  /** {@code raw} when short enough, else its head and a marker saying how much was cut. */
  public static String boundRaw(String raw) {
    if (raw.length() <= MAX_RAW_PAYLOAD_CHARS) {
      return raw;
    }
    String marker = "...[truncated " + (raw.length() - MAX_RAW_PAYLOAD_CHARS) + " chars]";
    return raw.substring(0, MAX_RAW_PAYLOAD_CHARS - marker.length()) + marker;
  }
}
