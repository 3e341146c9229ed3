package ai.kubernaut.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void allowsTheBurstThenRefusesPerSource() {
    RateLimiter limiter = new RateLimiter(0.001, 3);

    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).isTrue();
  }

  @Test
  void zeroRateMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(0, 1);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("a")).isTrue();
    }
  }
}
