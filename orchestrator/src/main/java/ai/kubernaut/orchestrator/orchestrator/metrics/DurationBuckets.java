package ai.kubernaut.orchestrator.orchestrator.metrics;

import ai.kubernaut.orchestrator.workflows.WorkflowMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Histogram buckets for the remediation, phase and lock-wait durations that reach the real budgets.
 * The Temporal SDK's reporter publishes every timer with Micrometer's default percentile histogram,
 * whose buckets end at 30 s: a phase of 10 minutes or a remediation of 3 hours would only count in
 * {@code +Inf}. These timers get fixed buckets from 1 s to 24 h instead (the global timeout
 * defaults to 1 h and may be configured longer), and nothing else.
 */
final class DurationBuckets implements MeterFilter {

  static final List<Duration> BOUNDARIES =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8),
          Duration.ofHours(12),
          Duration.ofHours(24));

  static final Set<String> TIMERS =
      Set.of(
          WorkflowMetrics.PHASE_DURATION,
          WorkflowMetrics.REMEDIATION_DURATION,
          WorkflowMetrics.LOCK_WAIT);

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!TIMERS.contains(id.getName())) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .percentilesHistogram(false)
        .serviceLevelObjectives(BOUNDARIES.stream().mapToDouble(Duration::toNanos).toArray())
        .build()
        .merge(config);
  }
}
