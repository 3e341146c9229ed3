package ai.kubernaut.orchestrator.orchestrator.config;

import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every configuration rule, in one place. Each method checks one raw option value, records a
 * problem that names the option when the value is invalid, and returns the typed value (or a
 * harmless placeholder, since {@link #throwIfInvalid()} fails before the config is used).
 */
public final class ConfigValidator {

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Set<String> LOG_LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final List<String> problems = new ArrayList<>();

  /** A Go duration ({@code 5m}, {@code 1h30m}) strictly greater than zero. */
  public Duration positiveDuration(String option, String value) {
    try {
      Duration d = GoDuration.parse(option, value == null ? null : value.strip());
      if (d.isNegative() || d.isZero()) {
        return fail(
            option, "must be a positive Go duration, got " + quote(value), Duration.ofSeconds(1));
      }
      return d;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return fail(
          option, "must be a positive Go duration, got " + quote(value), Duration.ofSeconds(1));
    }
  }

  /** A Go duration ({@code 0}, {@code 20ms}) that is not negative. */
  public Duration nonNegativeDuration(String option, String value) {
    try {
      Duration d = GoDuration.parse(option, value == null ? null : value.strip());
      if (d.isNegative()) {
        return fail(option, "must not be negative, got " + quote(value), Duration.ZERO);
      }
      return d;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return fail(option, "must be a Go duration, got " + quote(value), Duration.ZERO);
    }
  }

  public int intAtLeast(String option, int value, int min) {
    if (value < min) {
      return fail(option, "must be at least " + min + ", got " + value, min);
    }
    return value;
  }

  /** A fraction in (0, 1], e.g. a rate threshold. */
  public double fraction(String option, double value) {
    if (!(value > 0.0 && value <= 1.0)) {
      return fail(option, "must be greater than 0 and at most 1, got " + value, 1.0);
    }
    return value;
  }

  /** A TCP port; 0 asks the OS for a free one. */
  public int port(String option, int value) {
    if (value < 0 || value > 65_535) {
      return fail(option, "must be a port between 0 and 65535, got " + value, 0);
    }
    return value;
  }

  public String nonBlank(String option, String value) {
    if (value == null || value.isBlank()) {
      return fail(option, "must not be empty", "");
    }
    return value.strip();
  }

  /** Host and port, as {@code host:port}. */
  public String hostPort(String option, String value) {
    String v = nonBlank(option, value);
    int colon = v.lastIndexOf(':');
    if (v.isEmpty()) {
      return v;
    }
    if (colon <= 0 || colon == v.length() - 1) {
      return fail(option, "must be host:port, got " + quote(value), v);
    }
    try {
      int p = Integer.parseInt(v.substring(colon + 1));
      if (p < 1 || p > 65_535) {
        return fail(option, "port must be between 1 and 65535, got " + quote(value), v);
      }
    } catch (NumberFormatException e) {
      return fail(option, "must be host:port, got " + quote(value), v);
    }
    return v;
  }

  /** Blank means "not set" and returns null; otherwise the file must exist and be readable. */
  public Path optionalReadableFile(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Path p = Path.of(value.strip());
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      return fail(option, "file " + quote(value) + " does not exist or is not readable", p);
    }
    return p;
  }

  /** Blank means "not set"; otherwise a path list (OS path separator), every entry readable. */
  public String optionalReadableFileList(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (String entry : value.split(Pattern.quote(java.io.File.pathSeparator))) {
      if (!entry.isBlank()) {
        optionalReadableFile(option, entry);
      }
    }
    return value.strip();
  }

  /** Two options that only make sense together (client cert and key). */
  public void together(String optionA, Object a, String optionB, Object b) {
    if ((a == null) != (b == null)) {
      String missing = a == null ? optionA : optionB;
      String given = a == null ? optionB : optionA;
      fail(missing, "must be set together with " + given, null);
    }
  }

  /** Comma-separated DNS-1123 labels; blank or empty means "all". */
  public List<String> namespaces(String option, List<String> values) {
    List<String> result = new ArrayList<>();
    for (String raw : values == null ? List.<String>of() : values) {
      for (String ns : raw.split(",")) {
        String n = ns.strip();
        if (n.isEmpty()) {
          continue;
        }
        if (n.length() > 63 || !DNS_1123_LABEL.matcher(n).matches()) {
          fail(option, "namespace " + quote(n) + " is not a valid DNS-1123 label", null);
        } else if (!result.contains(n)) {
          result.add(n);
        }
      }
    }
    return List.copyOf(result);
  }

  /** Blank is allowed (returns null); otherwise a DNS-1123 label. */
  public String optionalDnsLabel(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > 63 || !DNS_1123_LABEL.matcher(v).matches()) {
      return fail(option, "must be a DNS-1123 label, got " + quote(value), v);
    }
    return v;
  }

  /** A DNS-1123 subdomain (Kubernetes object name). */
  public String dnsSubdomain(String option, String value) {
    String v = nonBlank(option, value);
    if (!v.isEmpty() && (v.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(v).matches())) {
      return fail(option, "must be a DNS-1123 subdomain, got " + quote(value), v);
    }
    return v;
  }

  /** Blank is allowed (returns null); otherwise an absolute http(s) URL, without trailing slash. */
  public String optionalHttpUrl(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return fail(option, "must be an absolute http(s) URL, got " + quote(value), v);
      }
    } catch (URISyntaxException e) {
      return fail(option, "must be an absolute http(s) URL, got " + quote(value), v);
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  public <E extends Enum<E>> E oneOf(String option, String value, Class<E> type) {
    String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    String allowed =
        String.join(
            ", ",
            Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList());
    return fail(
        option, "must be one of " + allowed + ", got " + quote(value), type.getEnumConstants()[0]);
  }

  public String logLevel(String option, String value) {
    String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(v)) {
      return fail(
          option,
          "must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got " + quote(value),
          "INFO");
    }
    return v;
  }

  /** A rule across options: records {@code problem} against {@code option} when not {@code ok}. */
  public void require(boolean ok, String option, String problem) {
    if (!ok) {
      fail(option, problem, null);
    }
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
  }

  private <T> T fail(String option, String problem, T placeholder) {
    problems.add(option + ": " + problem);
    return placeholder;
  }

  private static String quote(String s) {
    return "\"" + (s == null ? "" : s) + "\"";
  }
}
