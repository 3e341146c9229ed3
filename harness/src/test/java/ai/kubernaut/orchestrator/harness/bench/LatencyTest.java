package ai.kubernaut.orchestrator.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void percentilesUseTheNearestRank() {
    List<Long> nanos = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList();

    Latency latency = Latency.ofNanos(nanos);

    assertThat(latency.count()).isEqualTo(100);
    assertThat(latency.p50Ms()).isEqualTo(50.0);
    assertThat(latency.p95Ms()).isEqualTo(95.0);
    assertThat(latency.p99Ms()).isEqualTo(99.0);
    assertThat(latency.maxMs()).isEqualTo(100.0);
  }

  @Test
  void noSamplesGiveZeroes() {
    assertThat(Latency.ofNanos(List.of()).count()).isZero();
  }

  @Test
  void designMinimumCountsChildrenEventsAndStatusWrites() {
    assertThat(BenchProfile.DEFAULT.designMinimum())
        .containsEntry("create", 8)
        .containsEntry("update+patch", 5)
        .containsEntry("get", 0);
    assertThat(BenchProfile.parse(List.of("all"))).hasSize(3);
  }
}
