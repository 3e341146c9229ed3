package ai.kubernaut.orchestrator.workflows.logic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflow's only door to child names and Go durations. TEMPORARY body: the api module's {@code
 * ChildNames} and {@code GoDuration} (branch wip/api) are not on main yet; once they are, each
 * method below becomes a one-line delegation and the private helpers go away.
 */
public final class Names {

  private static final int MAX = 253;
  private static final Pattern GO_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private Names() {}

  public static String signalProcessing(String rr) {
    return compose("sp-", rr, "");
  }

  public static String aiAnalysis(String rr) {
    return compose("ai-", rr, "");
  }

  public static String recoveryAiAnalysis(String rr, int attempt) {
    return compose("ai-", rr, "-recovery-" + attempt);
  }

  public static String approvalRequest(String rr) {
    return compose("rar-", rr, "");
  }

  public static String recoveryApprovalRequest(String rr, int attempt) {
    return compose("rar-", rr, "-recovery-" + attempt);
  }

  public static String workflowExecution(String rr) {
    return compose("we-", rr, "");
  }

  public static String recoveryWorkflowExecution(String rr, int attempt) {
    return compose("we-", rr, "-recovery-" + attempt);
  }

  public static String withRetry(String childName, int retry) {
    return compose("", childName, "-retry-" + retry);
  }

  /** A Go duration ({@code 15m}, {@code 1h30m}); IllegalArgumentException when not one. */
  public static Duration parseGoDuration(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("duration must not be empty");
    }
    String v = value.trim();
    if (v.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = GO_PART.matcher(v);
    int at = 0;
    double nanos = 0;
    while (m.find() && m.start() == at) {
      double n = Double.parseDouble(m.group(1));
      nanos +=
          n
              * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
              };
      at = m.end();
    }
    if (at != v.length() || at == 0) {
      throw new IllegalArgumentException(
          "invalid duration " + value + ": use a Go duration such as 90s, 15m or 1h30m");
    }
    return Duration.ofNanos((long) nanos);
  }

  private static String compose(String prefix, String body, String suffix) {
    String requested = prefix + body + suffix;
    if (requested.length() <= MAX) {
      return requested;
    }
    String tail = "-" + sha8(requested) + suffix;
    return (prefix + body).substring(0, MAX - tail.length()) + tail;
  }

  private static String sha8(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
