package ai.kubernaut.orchestrator.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per source (the client's address): {@code ratePerSecond} requests a second on
 * average, bursts up to {@code burst}. Idle buckets are dropped once there are many.
 */
public final class RateLimiter {

  private static final int MAX_SOURCES = 10_000;

  private final double ratePerSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }
  }

  /** {@code ratePerSecond <= 0} turns limiting off. */
  public RateLimiter(double ratePerSecond, int burst) {
    this.ratePerSecond = ratePerSecond;
    this.burst = Math.max(1, burst);
  }

  /** Takes one token for {@code source}; false when the source is over its rate. */
  public boolean tryAcquire(String source) {
    if (ratePerSecond <= 0) {
      return true;
    }
    long now = System.nanoTime();
    if (buckets.size() > MAX_SOURCES) {
      long idle = (long) (burst / ratePerSecond * 1e9);
      buckets.values().removeIf(b -> now - b.lastNanos > idle);
    }
    Bucket bucket = buckets.computeIfAbsent(source, k -> new Bucket(burst, now));
    synchronized (bucket) {
      double refill = (now - bucket.lastNanos) / 1e9 * ratePerSecond;
      bucket.tokens = Math.min(burst, bucket.tokens + refill);
      bucket.lastNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Whole seconds until one token is back, for Retry-After. */
  public long retryAfterSeconds() {
    return ratePerSecond <= 0 ? 0 : Math.max(1, (long) Math.ceil(1 / ratePerSecond));
  }
}
