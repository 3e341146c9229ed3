package ai.kubernaut.orchestrator.api.v1alpha1;

import java.text.Normalizer;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Label keys the orchestrator puts on what it creates, and a safe way to build label values. */
public final class Labels {

  /** On every child and NotificationRequest: the name of the RemediationRequest it belongs to. */
  public static final String REMEDIATION_REQUEST = "kubernaut.ai/remediation-request";

  public static final int MAX_VALUE_LENGTH = 63;

  private static final Pattern VALID_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private Labels() {}

  /** The labels that tie an object to the RemediationRequest {@code rrName}. */
  public static Map<String, String> forRemediationRequest(String rrName) {
    return Map.of(REMEDIATION_REQUEST, value(rrName));
  }

  /**
   * {@code raw} as a valid label value. A valid value of at most 63 characters is returned as is;
   * otherwise invalid characters become {@code -}, the value is cut to fit and {@code -<hash>} (the
   * first 8 hex characters of the SHA-256 of {@code raw}) is appended, so distinct inputs stay
   * distinct.
   */
  public static String value(String raw) {
    Objects.requireNonNull(raw, "label value");
    if (isValidValue(raw)) {
      return raw;
    }
    String hash = Hashes.shortSha256(raw);
    String cleaned =
        COMBINING_MARKS
            .matcher(Normalizer.normalize(raw, Normalizer.Form.NFKD))
            .replaceAll("")
            .replaceAll("[^-A-Za-z0-9_.]", "-");
    String head = trimToAlphanumeric(cleaned);
    head = trimToAlphanumeric(head.substring(0, Math.min(head.length(), MAX_VALUE_LENGTH - 9)));
    return head.isEmpty() ? hash : head + "-" + hash;
  }

  /** Whether {@code value} can be used as a label value unchanged. */
  public static boolean isValidValue(String value) {
    return value != null
        && value.length() <= MAX_VALUE_LENGTH
        && VALID_VALUE.matcher(value).matches();
  }

  private static String trimToAlphanumeric(String value) {
    return value.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
  }
}
