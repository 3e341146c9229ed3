package ai.kubernaut.orchestrator.orchestrator.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code time.ParseDuration} syntax ({@code 90s}, {@code 1h30m}, {@code 1.5h}, {@code 250ms}).
 *
 * <p>Kept behind one method so it can delegate to the api module's {@code GoDuration} once that
 * lands; the accepted syntax is the same.
 */
public final class GoDurations {

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDurations() {}

  /**
   * Parses a Go duration string.
   *
   * @throws IllegalArgumentException when the text is not a Go duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String s = text.strip();
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int pos = 0;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("invalid duration " + quote(text));
      }
      BigDecimal value = new BigDecimal(m.group(1));
      nanos = nanos.add(value.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)))));
      pos = m.end();
    }
    Duration d = Duration.ofNanos(nanos.longValueExact());
    return negative ? d.negated() : d;
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
