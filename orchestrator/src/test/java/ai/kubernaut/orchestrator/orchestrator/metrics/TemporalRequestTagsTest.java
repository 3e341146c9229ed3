package ai.kubernaut.orchestrator.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemporalRequestTagsTest {

  @Test
  void updateRequestsAndOtherRequestsShareOneTagSetSoBothAreScraped() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    try {
      Timer.builder("temporal_long_request_latency")
          .tags("operation", "PollWorkflowTaskQueue", "namespace", "default")
          .register(registry)
          .record(Duration.ofMillis(5));
      Timer.builder("temporal_long_request_latency")
          .tags(
              "operation",
              "ExecuteMultiOperation",
              "namespace",
              "default",
              "update_name",
              "register")
          .register(registry)
          .record(Duration.ofMillis(7));

      String scrape = registry.scrape();

      assertThat(scrape)
          .contains("operation=\"PollWorkflowTaskQueue\"")
          .contains("update_name=\"none\"")
          .contains("operation=\"ExecuteMultiOperation\"")
          .contains("update_name=\"register\"");
    } finally {
      registry.close();
    }
  }

  @Test
  void leavesOtherMetersAlone() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    try {
      registry.counter("temporal_workflow_completed", "namespace", "default").increment();

      assertThat(registry.scrape()).doesNotContain("update_name");
    } finally {
      registry.close();
    }
  }
}
