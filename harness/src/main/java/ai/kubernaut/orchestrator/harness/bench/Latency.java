package ai.kubernaut.orchestrator.harness.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of durations, in milliseconds (nearest-rank). */
public record Latency(
    int count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

  /** From durations in nanoseconds. */
  public static Latency ofNanos(Collection<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Latency(0, 0, 0, 0, 0, 0);
    }
    return new Latency(
        sorted.length,
        ms(rank(sorted, 0.50)),
        ms(rank(sorted, 0.95)),
        ms(rank(sorted, 0.99)),
        ms(sorted[sorted.length - 1]),
        ms((long) Arrays.stream(sorted).average().orElse(0)));
  }

  private static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }

  String row() {
    return String.format("%9.1f %9.1f %9.1f %9.1f  (n=%d)", p50Ms, p95Ms, p99Ms, maxMs, count);
  }
}
