package ai.kubernaut.orchestrator.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final BridgeMetrics metrics = new BridgeMetrics(registry);
  WorkQueue queue =
      new WorkQueue(
          "test",
          new BridgeConfig.ExecutorSettings(2, Duration.ofMillis(10), Duration.ofMillis(50)),
          metrics);

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void submitNeverBlocksWhileTheBackendIsSlowAndTheLatestTaskPerKeyRuns() throws Exception {
    CountDownLatch slowBackend = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    AtomicInteger superseded = new AtomicInteger();

    long started = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      String key = "child-" + (i % 10);
      int version = i;
      queue.submit(
          key,
          new WorkQueue.Task() {
            @Override
            public WorkQueue.Result run() throws Exception {
              slowBackend.await(10, TimeUnit.SECONDS);
              ran.add(key + "@" + version);
              return WorkQueue.Result.DONE;
            }

            @Override
            public void onSuperseded() {
              superseded.incrementAndGet();
            }
          });
    }
    long submitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    slowBackend.countDown();

    assertThat(submitMillis).isLessThan(2_000);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              for (int k = 0; k < 10; k++) {
                assertThat(ran).contains("child-" + k + "@" + (990 + k));
              }
              assertThat(queue.depth()).isZero();
            });
    assertThat(ran.size() + superseded.get()).isEqualTo(1_000);
  }

  @Test
  void retriesAFailingTaskWithBackoffUntilItSucceeds() {
    AtomicInteger attempts = new AtomicInteger();

    queue.submit(
        "start/ns/rr",
        () -> {
          if (attempts.incrementAndGet() < 4) {
            throw new IllegalStateException("frontend unavailable");
          }
          return WorkQueue.Result.DONE;
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 4);
    assertThat(registry.get(BridgeMetrics.TASK_RETRIES).counter().count()).isEqualTo(3);
  }

  @Test
  void aNewerTaskReplacesARetryThatIsBackingOff() {
    List<String> ran = new CopyOnWriteArrayList<>();
    queue =
        new WorkQueue(
            "slow-retry",
            new BridgeConfig.ExecutorSettings(1, Duration.ofSeconds(30), Duration.ofSeconds(30)),
            metrics);

    queue.submit(
        "k",
        () -> {
          ran.add("old");
          return WorkQueue.Result.RETRY;
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("old"));
    queue.submit(
        "k",
        () -> {
          ran.add("new");
          return WorkQueue.Result.DONE;
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("new"));
    assertThat(ran).containsExactly("old", "new");
    assertThat(queue.depth()).isZero();
  }

  @Test
  void runsADelayedTaskNoSoonerThanItsDelay() {
    Duration delay = Duration.ofMillis(400);
    AtomicInteger ran = new AtomicInteger();
    long submitted = System.nanoTime();
    AtomicLong ranAfterNanos = new AtomicLong();

    queue.submitAfter(
        "temporal/ns/rr",
        delay,
        () -> {
          ranAfterNanos.set(System.nanoTime() - submitted);
          ran.incrementAndGet();
          return WorkQueue.Result.DONE;
        });

    assertThat(queue.depth()).as("a delayed task counts as waiting").isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1);
    assertThat(Duration.ofNanos(ranAfterNanos.get())).isGreaterThanOrEqualTo(delay);
    await().atMost(Duration.ofSeconds(5)).until(() -> queue.depth() == 0);
  }

  @Test
  void aTaskSubmittedForTheKeyReplacesADelayedOne() {
    List<String> ran = new CopyOnWriteArrayList<>();
    AtomicInteger superseded = new AtomicInteger();

    queue.submitAfter(
        "k",
        Duration.ofMillis(300),
        new WorkQueue.Task() {
          @Override
          public WorkQueue.Result run() {
            ran.add("delayed");
            return WorkQueue.Result.DONE;
          }

          @Override
          public void onSuperseded() {
            superseded.incrementAndGet();
          }
        });
    queue.submit(
        "k",
        () -> {
          ran.add("now");
          return WorkQueue.Result.DONE;
        });

    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> ran.equals(List.of("now")));
    assertThat(superseded.get()).isEqualTo(1);
  }
}
