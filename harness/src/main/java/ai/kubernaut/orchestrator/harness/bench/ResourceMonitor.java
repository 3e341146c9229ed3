package ai.kubernaut.orchestrator.harness.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples this process while a profile runs: used heap (every 100 ms, and the heap pools' peaks),
 * resident set size ({@code /proc/self/status} VmRSS sampled, VmHWM at the end), process CPU time
 * and CPU time per thread group.
 */
public final class ResourceMonitor implements AutoCloseable {

  private static final long TICK_MS = 100;
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  /** CPU seconds spent by threads whose names match once digits are dropped. */
  public record ThreadCpu(String threads, double cpuSeconds) {}

  /** What was measured between start and stop. */
  record Usage(
      long peakHeapUsedBytes,
      long peakHeapPoolsBytes,
      long peakRssBytes,
      long vmHwmBytes,
      double cpuSeconds,
      List<ThreadCpu> topThreads) {}

  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakRss = new AtomicLong();
  private final Map<Long, Long> threadCpuAtStart = new HashMap<>();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Thread sampler;
  private volatile boolean running = true;
  private long cpuAtStart;

  private ResourceMonitor() {
    sampler = new Thread(this::sample, "bench-resource-monitor");
    sampler.setDaemon(true);
  }

  /** Collects garbage, resets the peaks and starts sampling. */
  static ResourceMonitor start() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    resetRssPeak();
    ResourceMonitor monitor = new ResourceMonitor();
    monitor.cpuAtStart = processCpuNanos();
    if (monitor.threads.isThreadCpuTimeSupported()) {
      for (long id : monitor.threads.getAllThreadIds()) {
        monitor.threadCpuAtStart.put(id, Math.max(0, monitor.threads.getThreadCpuTime(id)));
      }
    }
    monitor.sampler.start();
    return monitor;
  }

  /** Stops sampling and returns the figures. */
  Usage stop() {
    running = false;
    sampler.interrupt();
    double cpu = (processCpuNanos() - cpuAtStart) / 1e9;
    long pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    return new Usage(
        peakHeap.get(), pools, peakRss.get(), procStatusBytes("VmHWM:"), cpu, topThreads(12));
  }

  private void sample() {
    while (running) {
      peakHeap.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      peakRss.accumulateAndGet(procStatusBytes("VmRSS:"), Math::max);
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private List<ThreadCpu> topThreads(int limit) {
    if (!threads.isThreadCpuTimeSupported()) {
      return List.of();
    }
    Map<String, Long> byGroup = new HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      long delta = cpu - threadCpuAtStart.getOrDefault(info.getThreadId(), 0L);
      byGroup.merge(group(info.getThreadName()), delta, Long::sum);
    }
    List<ThreadCpu> top = new ArrayList<>();
    byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(e -> top.add(new ThreadCpu(e.getKey(), Math.round(e.getValue() / 1e7) / 100.0)));
    return top;
  }

  static String group(String threadName) {
    return threadName.replaceAll("[0-9]+", "#").replaceAll("\\[[^]]*]", "[..]");
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** VmHWM is reset by writing 5 to clear_refs (Linux 4.0+); best effort. */
  private static void resetRssPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux or not permitted: VmHWM then covers the whole process lifetime
    }
  }

  static long procStatusBytes(String field) {
    try {
      for (String line : Files.readAllLines(PROC_STATUS)) {
        if (line.startsWith(field)) {
          String[] parts = line.substring(field.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
