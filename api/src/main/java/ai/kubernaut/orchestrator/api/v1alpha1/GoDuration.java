package ai.kubernaut.orchestrator.api.v1alpha1;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go duration strings ({@code 300ms}, {@code 5m}, {@code 1h30m}, {@code 1.5h}) to and from {@link
 * Duration}.
 *
 * <p>{@link #parse} accepts what Go's {@code time.ParseDuration} accepts except negative values.
 * {@link #format} writes what Go's {@code time.Duration.String()} writes ({@code 5m0s}, {@code
 * 1h30m0s}, {@code 300ms}), so values the orchestrator writes read the same in Go services, and
 * {@code parse(format(d))} equals {@code d} for every duration up to Go's limit of about 292 years.
 */
public final class GoDuration {

  private static final Pattern SEGMENT =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /** Parses {@code value}; a failure names {@code field} in its message. */
  public static Duration parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "must not be empty");
    }
    if (value.startsWith("-")) {
      throw new InvalidFieldException(field, "must not be negative, got \"" + value + "\"");
    }
    String unsigned = value.startsWith("+") ? value.substring(1) : value;
    if (unsigned.equals("0")) {
      return Duration.ZERO;
    }
    if (unsigned.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
      throw new InvalidFieldException(
          field, "missing unit in \"" + value + "\" (use ns, us, ms, s, m or h, for example 5m)");
    }
    Matcher segment = SEGMENT.matcher(unsigned);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < unsigned.length()) {
      if (!segment.find(position) || segment.start() != position) {
        throw new InvalidFieldException(
            field,
            "invalid duration \"" + value + "\" (expected a Go duration such as 5m or 1h30m)");
      }
      BigDecimal unit = BigDecimal.valueOf(NANOS_PER_UNIT.get(segment.group(2)));
      nanos = nanos.add(new BigDecimal(normalizeNumber(segment.group(1))).multiply(unit));
      position = segment.end();
    }
    // like Go, fractions of a nanosecond are dropped
    BigInteger whole = nanos.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (whole.compareTo(MAX_NANOS) > 0) {
      throw new InvalidFieldException(field, "duration \"" + value + "\" is out of range");
    }
    return Duration.ofNanos(whole.longValueExact());
  }

  /** Parses {@code value}, naming the field {@code duration} in a failure. */
  public static Duration parse(String value) {
    return parse("duration", value);
  }

  /**
   * Formats {@code duration} as Go does: {@code 0s}, {@code 300ms}, {@code 1.5s}, {@code 1h30m0s}.
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, got " + duration);
    }
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration exceeds Go's range: " + duration, e);
    }
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 1_000L) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return decimal(nanos, 1_000L) + "\u00b5s";
    }
    if (nanos < 1_000_000_000L) {
      return decimal(nanos, 1_000_000L) + "ms";
    }
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    String seconds = decimal(nanos % 60_000_000_000L, 1_000_000_000L) + "s";
    if (hours > 0) {
      return hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return minutes + "m" + seconds;
    }
    return seconds;
  }

  private static String decimal(long nanos, long unit) {
    return BigDecimal.valueOf(nanos)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String normalizeNumber(String number) {
    if (number.startsWith(".")) {
      return "0" + number;
    }
    return number.endsWith(".") ? number + "0" : number;
  }
}
