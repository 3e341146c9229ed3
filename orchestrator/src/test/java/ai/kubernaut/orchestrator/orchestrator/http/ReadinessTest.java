package ai.kubernaut.orchestrator.orchestrator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @Test
  void aThrowingCheckIsNotReadyWithItsReason() {
    try (Readiness readiness = new Readiness(Duration.ofSeconds(1))) {
      readiness.add(ReadinessCheck.of("ok", () -> true));
      readiness.add(
          new ReadinessCheck() {
            @Override
            public String name() {
              return "kubernetes";
            }

            @Override
            public Result check() {
              throw new IllegalStateException("connection refused");
            }
          });

      Readiness.Report report = readiness.evaluate();

      assertThat(report.ready()).isFalse();
      assertThat(report.checks())
          .extracting(Readiness.CheckOutcome::name, Readiness.CheckOutcome::ready)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ok", true),
              org.assertj.core.groups.Tuple.tuple("kubernetes", false));
      assertThat(report.render())
          .contains("[-]kubernetes IllegalStateException: connection refused");
    }
  }

  @Test
  void aHangingCheckTimesOut() {
    CountDownLatch never = new CountDownLatch(1);
    try (Readiness readiness = new Readiness(Duration.ofMillis(200))) {
      readiness.add(
          ReadinessCheck.of(
              "temporal",
              () -> {
                try {
                  never.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return true;
              }));

      Readiness.Report report = readiness.evaluate();

      assertThat(report.ready()).isFalse();
      assertThat(report.render()).contains("[-]temporal timed out after 200ms");
    }
  }
}
