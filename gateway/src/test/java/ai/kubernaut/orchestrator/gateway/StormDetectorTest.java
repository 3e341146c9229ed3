package ai.kubernaut.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StormDetectorTest {

  MutableClock clock = new MutableClock();
  StormDetector storms = new StormDetector(3, Duration.ofMinutes(1), clock);

  @Test
  void aRuleOnThreeTargetsWithinTheWindowIsAStorm() {
    assertThat(storms.record("NodeDown", "a").storm()).isFalse();
    assertThat(storms.record("NodeDown", "b").storm()).isFalse();

    assertThat(storms.record("NodeDown", "c")).isEqualTo(new StormDetector.Verdict(true, 3));
  }

  @Test
  void repeatsOfOneTargetAndOtherRulesDoNotCount() {
    storms.record("NodeDown", "a");
    storms.record("NodeDown", "a");
    storms.record("DiskFull", "b");

    assertThat(storms.record("NodeDown", "a")).isEqualTo(new StormDetector.Verdict(false, 1));
  }

  @Test
  void targetsSeenBeforeTheWindowAreForgotten() {
    storms.record("NodeDown", "a");
    storms.record("NodeDown", "b");
    clock.advance(Duration.ofMinutes(2));

    assertThat(storms.record("NodeDown", "c")).isEqualTo(new StormDetector.Verdict(false, 1));
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
