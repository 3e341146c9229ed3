package ai.kubernaut.orchestrator.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.WorkflowMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exported buckets of the duration histograms, recorded the way the workflow's timers reach the
 * registry (the Temporal SDK's tally reporter, which asks for a percentile histogram).
 */
class DurationBucketsTest {

  private static final Pattern BUCKET = Pattern.compile("le=\"([^\"]+)\"[^}]*} (\\S+)");

  @Test
  void phaseAndRemediationDurationsHaveBucketsFromOneSecondToOneDay() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    MicrometerClientStatsReporter sdk = new MicrometerClientStatsReporter(registry);
    Map<String, String> tags = Map.of("phase", "Completed", "outcome", "Remediated");

    sdk.reportTimer(
        WorkflowMetrics.REMEDIATION_DURATION, tags, com.uber.m3.util.Duration.ofSeconds(3 * 3600));
    sdk.reportTimer(
        WorkflowMetrics.PHASE_DURATION,
        Map.of("phase", "Executing"),
        com.uber.m3.util.Duration.ofSeconds(600));
    String scrape = registry.scrape();

    List<String> expected =
        List.of(
            "1.0", "5.0", "15.0", "30.0", "60.0", "120.0", "300.0", "600.0", "900.0", "1800.0",
            "3600.0", "7200.0", "14400.0", "28800.0", "43200.0", "86400.0", "+Inf");
    Map<String, String> remediation =
        buckets(scrape, "kubernaut_remediationorchestrator_remediation_duration_seconds_bucket");
    Map<String, String> phase =
        buckets(scrape, "kubernaut_remediationorchestrator_phase_duration_seconds_bucket");
    assertThat(remediation.keySet()).containsExactlyElementsOf(expected);
    assertThat(phase.keySet()).containsExactlyElementsOf(expected);
    assertThat(remediation).containsEntry("7200.0", "0").containsEntry("14400.0", "1");
    assertThat(phase).containsEntry("300.0", "0").containsEntry("600.0", "1");
  }

  @Test
  void otherTimersKeepTheirDefaultHistogram() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();

    new MicrometerClientStatsReporter(registry)
        .reportTimer(
            "temporal_activity_execution_latency", Map.of(), com.uber.m3.util.Duration.ofMillis(5));

    assertThat(buckets(registry.scrape(), "temporal_activity_execution_latency_seconds_bucket"))
        .containsKey("0.001")
        .hasSizeGreaterThan(20);
  }

  private static Map<String, String> buckets(String scrape, String series) {
    Map<String, String> buckets = new java.util.LinkedHashMap<>();
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + "{")) {
        Matcher m = BUCKET.matcher(line);
        if (m.find()) {
          buckets.put(m.group(1), m.group(2));
        }
      }
    }
    return buckets;
  }
}
