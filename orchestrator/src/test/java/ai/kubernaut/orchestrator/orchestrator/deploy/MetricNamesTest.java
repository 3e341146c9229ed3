package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The PromQL and exposition readers of {@link MetricNames}. */
class MetricNamesTest {

  @Test
  void findsMetricNamesButNotFunctionsLabelsOrKeywords() {
    String expr =
        """
        sum by (phase, outcome) (rate(foo_total{phase=~"Failed|TimedOut",x!="a{b}"}[15m]))
        / on (namespace) group_left (pod)
        sum without (le) (increase(bar_seconds_count[$__rate_interval] offset 5m)) > 0.15
        and histogram_quantile(0.99, sum by (le) (rate(baz_seconds_bucket[5m])))
        or vector(0) unless absent(up{job="x"} == 1) > bool 1e3
        """;

    assertThat(MetricNames.inPromQl(expr))
        .containsExactlyInAnyOrder("foo_total", "bar_seconds_count", "baz_seconds_bucket", "up");
  }

  @Test
  void readsARecordingRuleNameWithColons() {
    assertThat(MetricNames.inPromQl("job:requests:rate5m > 3"))
        .containsExactly("job:requests:rate5m");
  }

  @Test
  void readsGrafanaLabelValuesQueries() {
    assertThat(MetricNames.inTemplateQuery("label_values(foo_total{a=\"b\"}, exported_namespace)"))
        .containsExactly("foo_total");
    assertThat(MetricNames.inTemplateQuery("label_values(namespace)")).isEmpty();
  }

  @Test
  void readsSeriesNamesFromAnExposition() {
    String scrape =
        """
        # HELP foo_total a counter
        # TYPE foo_total counter
        foo_total{a="b"} 1.0
        bar_seconds_bucket{le="0.1"} 2
        bar_seconds_count 3
        process_uptime_seconds 12.5
        """;

    assertThat(MetricNames.inScrape(scrape))
        .containsExactlyInAnyOrder(
            "foo_total", "bar_seconds_bucket", "bar_seconds_count", "process_uptime_seconds");
  }

  @Test
  void missingIgnoresSeriesPrometheusMakesItself() {
    assertThat(
            MetricNames.missing(
                java.util.Set.of("up", "foo_total", "gone_total"), java.util.Set.of("foo_total")))
        .containsExactly("gone_total");
  }
}
