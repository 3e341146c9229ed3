package ai.kubernaut.orchestrator.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Notices a storm: one alert rule (signal name) firing for many different targets within a window.
 * It only marks; each target still gets its own RemediationRequest, with {@code isStorm}, {@code
 * stormType: rate}, {@code stormWindow} and {@code stormAlertCount} set so SignalProcessing, the AI
 * and people can treat it as one incident. Per signal name it remembers the distinct fingerprints
 * seen in the window.
 */
public final class StormDetector {

  /** What {@link #record} found. */
  public record Verdict(boolean storm, int alertCount) {}

  public static final String RATE = "rate";

  private final int threshold;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Seen>> bySignal = new HashMap<>();

  private record Seen(String fingerprint, Instant at) {}

  /**
   * @param threshold distinct targets of one signal within {@code window} that make a storm; 0
   *     turns detection off
   */
  public StormDetector(int threshold, Duration window, Clock clock) {
    this.threshold = threshold;
    this.window = window;
    this.clock = clock;
  }

  public Duration window() {
    return window;
  }

  /** Records one firing signal and says whether its rule is storming. */
  public synchronized Verdict record(String signalName, String fingerprint) {
    if (threshold <= 0) {
      return new Verdict(false, 0);
    }
    Instant now = clock.instant();
    Deque<Seen> seen = bySignal.computeIfAbsent(signalName, k -> new ArrayDeque<>());
    Instant oldest = now.minus(window);
    while (!seen.isEmpty() && seen.peekFirst().at().isBefore(oldest)) {
      seen.removeFirst();
    }
    seen.removeIf(s -> s.fingerprint().equals(fingerprint));
    seen.addLast(new Seen(fingerprint, now));
    if (bySignal.size() > 10_000) {
      bySignal.values().removeIf(d -> d.isEmpty() || d.peekLast().at().isBefore(oldest));
    }
    int count = seen.size();
    return new Verdict(count >= threshold, count);
  }
}
