package ai.kubernaut.orchestrator.bridge;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyed work queue on a fixed number of threads, in the manner of client-go's workqueue.
 *
 * <ul>
 *   <li>{@link #submit} never blocks: informer threads only put the task in a map.
 *   <li>At most one task per key waits; a newer task for the same key replaces it (the replaced one
 *       is reported to {@code onSuperseded}). So the queue holds at most one entry per object in
 *       the informer caches: bounded without ever dropping the latest state.
 *   <li>A key never runs on two threads at once, so work on one object stays in order.
 *   <li>A task that fails or asks for a retry runs again after an exponential backoff with jitter,
 *       unless a newer task for the key arrived in the meantime.
 * </ul>
 */
final class WorkQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  /** What a task wants next. */
  enum Result {
    DONE,
    RETRY
  }

  /** One unit of work; an exception means "retry with backoff". */
  @FunctionalInterface
  interface Task {
    Result run() throws Exception;

    /** Called when a newer task for the same key replaces this one before it ran. */
    default void onSuperseded() {}
  }

  private record Entry(Task task, int attempt) {}

  private final String name;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final BridgeMetrics metrics;
  private final Object lock = new Object();
  private final Map<String, Entry> pending = new HashMap<>();
  private final Map<String, Entry> backingOff = new HashMap<>();
  private final Set<String> running = new HashSet<>();
  private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService delays;
  private volatile boolean closed;

  WorkQueue(String name, BridgeConfig.ExecutorSettings settings, BridgeMetrics metrics) {
    this.name = name;
    this.initialBackoff = settings.initialBackoff();
    this.maxBackoff = settings.maxBackoff();
    this.metrics = metrics;
    this.workers = Executors.newFixedThreadPool(settings.workers(), threads("bridge-" + name));
    this.delays =
        Executors.newSingleThreadScheduledExecutor(threads("bridge-" + name + "-backoff"));
    for (int i = 0; i < settings.workers(); i++) {
      workers.execute(this::work);
    }
    metrics.queue(name, this::depth);
  }

  void submit(String key, Task task) {
    Entry replaced;
    synchronized (lock) {
      if (closed) {
        return;
      }
      Entry waiting = pending.put(key, new Entry(task, 0));
      Entry backing = backingOff.remove(key);
      replaced = waiting != null ? waiting : backing;
      if (waiting == null && !running.contains(key)) {
        ready.add(key);
      }
    }
    if (replaced != null) {
      replaced.task().onSuperseded();
    }
  }

  /** Runs {@code task} after {@code delay} unless a newer task for the key arrives first. */
  void submitAfter(String key, Duration delay, Task task) {
    Entry entry = new Entry(task, 0);
    synchronized (lock) {
      if (closed || pending.containsKey(key)) {
        return;
      }
      backingOff.put(key, entry);
    }
    delays.schedule(() -> promote(key, entry), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Keys waiting, backing off or running. */
  int depth() {
    synchronized (lock) {
      return pending.size() + backingOff.size() + running.size();
    }
  }

  /**
   * Stops taking work, drops what waits (a new leader resyncs it), lets running tasks finish for up
   * to five seconds, then interrupts them.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      pending.clear();
      backingOff.clear();
    }
    delays.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void work() {
    while (!closed) {
      String key;
      try {
        key = ready.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        continue;
      }
      Entry entry;
      synchronized (lock) {
        entry = pending.remove(key);
        if (entry == null || running.contains(key)) {
          if (entry != null) {
            pending.put(key, entry);
          }
          continue;
        }
        running.add(key);
      }
      Result result;
      try {
        result = entry.task().run();
      } catch (Exception e) {
        LOG.warn("{} task {} failed (attempt {}), will retry: {}", name, key, entry.attempt(), e);
        result = Result.RETRY;
      }
      finish(key, entry, result);
    }
  }

  private void finish(String key, Entry entry, Result result) {
    Entry retry = null;
    synchronized (lock) {
      running.remove(key);
      if (closed) {
        return;
      }
      if (pending.containsKey(key)) {
        ready.add(key);
      } else if (result == Result.RETRY) {
        retry = new Entry(entry.task(), entry.attempt() + 1);
        backingOff.put(key, retry);
      }
    }
    if (retry != null) {
      metrics.taskRetried(name);
      Entry scheduled = retry;
      delays.schedule(
          () -> promote(key, scheduled),
          backoff(entry.attempt()).toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void promote(String key, Entry entry) {
    synchronized (lock) {
      if (closed || !backingOff.remove(key, entry) || pending.containsKey(key)) {
        return;
      }
      pending.put(key, entry);
      if (!running.contains(key)) {
        ready.add(key);
      }
    }
  }

  private Duration backoff(int attempt) {
    long base = initialBackoff.toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
  }

  private static java.util.concurrent.ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
