package ai.kubernaut.orchestrator.harness.bench;

import ai.kubernaut.orchestrator.harness.bench.BenchReport.MachineLoad;
import ai.kubernaut.orchestrator.harness.bench.BenchReport.ProcessUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Samples other processes by pid from {@code /proc} while a profile runs: CPU seconds ({@code utime
 * + stime} of {@code /proc/<pid>/stat}), peak resident set size ({@code VmRSS} every second), and
 * the whole machine's busy CPU ({@code /proc/stat}) and load average, so a run on a shared machine
 * says how much of the CPU went elsewhere. Linux only; elsewhere the figures stay zero.
 */
final class ProcessSampler implements AutoCloseable {

  private static final long TICK_MS = 1_000;
  static final double CLOCK_TICKS_PER_SECOND = 100.0;

  /** What {@link #stop} returns. */
  record Usage(Map<String, ProcessUsage> processes, MachineLoad machine, long peakHeapBytes) {}

  private final Map<String, Long> pids;
  private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
  private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
  private final LongSupplier heapSampler;
  private final Thread thread;
  private final long startNanos = System.nanoTime();
  private final double machineBusyAtStart;
  private final String loadAtStart;
  private volatile long peakHeap;
  private volatile boolean running = true;

  private ProcessSampler(Map<String, Long> pids, LongSupplier heapSampler) {
    this.pids = new LinkedHashMap<>(pids);
    this.heapSampler = heapSampler;
    pids.forEach((label, pid) -> cpuAtStart.put(label, cpuSeconds(pid)));
    machineBusyAtStart = machineBusySeconds();
    loadAtStart = loadAverage();
    thread = new Thread(this::sample, "bench-process-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts sampling {@code pids} (label to pid); {@code heapSampler} answers the orchestrator's
   * heap in use (sampled with RSS; 0 when unknown).
   */
  static ProcessSampler start(Map<String, Long> pids, LongSupplier heapSampler) {
    return new ProcessSampler(pids, heapSampler);
  }

  private void sample() {
    while (running) {
      pids.forEach((label, pid) -> peakRss.merge(label, rssBytes(pid), Math::max));
      try {
        peakHeap = Math.max(peakHeap, heapSampler.getAsLong());
      } catch (RuntimeException e) {
        // the orchestrator may be busy or restarting; the next sample counts
      }
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling; per-remediation CPU is divided by {@code remediations}. */
  Usage stop(int remediations) {
    running = false;
    thread.interrupt();
    double wall = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    Map<String, ProcessUsage> usage = new LinkedHashMap<>();
    double measured = 0;
    for (var e : pids.entrySet()) {
      double cpu = Math.max(0, cpuSeconds(e.getValue()) - cpuAtStart.get(e.getKey()));
      measured += cpu;
      usage.put(
          e.getKey(),
          new ProcessUsage(
              e.getValue(),
              round(cpu, 100),
              round(cpu / wall, 1000),
              round(cpu / Math.max(1, remediations), 10_000),
              Math.max(peakRss.getOrDefault(e.getKey(), 0L), rssBytes(e.getValue()))));
    }
    double busy = machineBusySeconds() - machineBusyAtStart;
    return new Usage(
        usage,
        new MachineLoad(
            Runtime.getRuntime().availableProcessors(),
            loadAtStart,
            loadAverage(),
            round(busy, 100),
            round(measured, 100),
            round(Math.max(0, busy - measured), 100)),
        peakHeap);
  }

  /** utime + stime of {@code pid} in seconds; 0 when it cannot be read. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state); utime and stime are fields 14 and 15
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Busy CPU seconds of the whole machine since boot (all but idle and iowait). */
  static double machineBusySeconds() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] f = lines.get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return (total - idle) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
