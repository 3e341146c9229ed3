package ai.kubernaut.orchestrator.api.v1alpha1;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic names for the children of a RemediationRequest.
 *
 * <p>Every result is a valid DNS-1123 subdomain. A name that already is one and fits is used as is.
 * Otherwise invalid characters are replaced (accents dropped, lowercased, anything else becomes
 * {@code -}), the name is cut to fit, and {@code -<hash>} is inserted before the readable suffix
 * ({@code -recovery-<n>}, {@code -retry-<k>}), where the hash is the first 8 hex characters of the
 * SHA-256 of the full requested name. The hash keeps two long names with a common prefix, or two
 * names that differ only in invalid characters, apart.
 */
public final class ChildNames {

  public static final int MAX_LENGTH = 253;

  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern READABLE_SUFFIX =
      Pattern.compile("(-recovery-\\d+)?(-retry-\\d+)*$");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private ChildNames() {}

  /** {@code sp-<rr>} */
  public static String signalProcessing(String rr) {
    return compose("sp-", rr, "");
  }

  /** {@code ai-<rr>} */
  public static String aiAnalysis(String rr) {
    return compose("ai-", rr, "");
  }

  /** {@code ai-<rr>-recovery-<attempt>} */
  public static String recoveryAiAnalysis(String rr, int attempt) {
    return compose("ai-", rr, recoverySuffix(attempt));
  }

  /** {@code rar-<rr>} */
  public static String approvalRequest(String rr) {
    return compose("rar-", rr, "");
  }

  /** {@code rar-<rr>-recovery-<attempt>} */
  public static String recoveryApprovalRequest(String rr, int attempt) {
    return compose("rar-", rr, recoverySuffix(attempt));
  }

  /** {@code we-<rr>} */
  public static String workflowExecution(String rr) {
    return compose("we-", rr, "");
  }

  /** {@code we-<rr>-recovery-<attempt>} */
  public static String recoveryWorkflowExecution(String rr, int attempt) {
    return compose("we-", rr, recoverySuffix(attempt));
  }

  /** {@code nr-<type>-<rr>}, the type lowercased: {@code nr-manualreview-<rr>}. */
  public static String notification(NotificationType type, String rr) {
    Objects.requireNonNull(type, "type");
    if (type == NotificationType.UNKNOWN) {
      throw new IllegalArgumentException("notification type must be known");
    }
    return compose("nr-" + type.value().toLowerCase(Locale.ROOT) + "-", rr, "");
  }

  /**
   * {@code nr-bulk-<rr>}: the one notification listing the duplicates of a finished remediation.
   */
  public static String bulkNotification(String rr) {
    return compose("nr-bulk-", rr, "");
  }

  /** {@code <childName>-retry-<retry>}: the child an operator retry creates in place of another. */
  public static String withRetry(String childName, int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, got " + retry);
    }
    Objects.requireNonNull(childName, "childName");
    // keep an existing recovery or retry suffix readable when the name has to be shortened
    Matcher readable = READABLE_SUFFIX.matcher(childName);
    readable.find();
    String body = childName.substring(0, readable.start());
    String suffix = readable.group() + "-retry-" + retry;
    return body.isEmpty() ? compose("", childName, "-retry-" + retry) : compose("", body, suffix);
  }

  /** Whether {@code name} is a DNS-1123 subdomain of at most 253 characters. */
  public static boolean isValid(String name) {
    return name != null && name.length() <= MAX_LENGTH && DNS1123_SUBDOMAIN.matcher(name).matches();
  }

  private static String recoverySuffix(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("recovery attempt must be at least 1, got " + attempt);
    }
    return "-recovery-" + attempt;
  }

  private static String compose(String prefix, String body, String suffix) {
    Objects.requireNonNull(body, "name");
    if (body.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    String requested = prefix + body + suffix;
    if (isValid(requested)) {
      return requested;
    }
    String tail = "-" + Hashes.shortSha256(requested) + suffix;
    String head = sanitize(prefix + body);
    head =
        trimToAlphanumeric(head.substring(0, Math.min(head.length(), MAX_LENGTH - tail.length())));
    return head.isEmpty() ? tail.substring(1) : head + tail;
  }

  private static String sanitize(String value) {
    String ascii =
        COMBINING_MARKS
            .matcher(Normalizer.normalize(value, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    char[] chars = new char[ascii.length()];
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      chars[i] = isAlphanumeric(c) || c == '.' ? c : '-';
    }
    // a dot separates DNS labels, so it needs a letter or digit on both sides
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == '.') {
        boolean before = i > 0 && isAlphanumeric(chars[i - 1]);
        boolean after = i + 1 < chars.length && isAlphanumeric(chars[i + 1]);
        if (!before || !after) {
          chars[i] = '-';
        }
      }
    }
    return trimToAlphanumeric(new String(chars));
  }

  private static String trimToAlphanumeric(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && !isAlphanumeric(value.charAt(start))) {
      start++;
    }
    while (end > start && !isAlphanumeric(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
