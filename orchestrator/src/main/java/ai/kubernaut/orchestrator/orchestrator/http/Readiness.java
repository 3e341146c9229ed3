package ai.kubernaut.orchestrator.orchestrator.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Aggregates the registered {@link ReadinessCheck}s: ready only when every check passes within its
 * time limit. Checks may be added at any time (the bridge adds "informers synced" when it starts).
 * With no checks registered the service is not ready.
 */
public final class Readiness implements AutoCloseable {

  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
  private final Duration perCheckTimeout;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "readiness-check");
            t.setDaemon(true);
            return t;
          });

  public Readiness(Duration perCheckTimeout) {
    this.perCheckTimeout = perCheckTimeout;
  }

  public void add(ReadinessCheck check) {
    checks.add(check);
  }

  public void addAll(List<ReadinessCheck> more) {
    checks.addAll(more);
  }

  public Report evaluate() {
    List<Future<ReadinessCheck.Result>> futures = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      futures.add(executor.submit(check::check));
    }
    List<CheckOutcome> outcomes = new ArrayList<>();
    long deadline = System.nanoTime() + perCheckTimeout.toNanos();
    for (int i = 0; i < futures.size(); i++) {
      String name = checks.get(i).name();
      Future<ReadinessCheck.Result> f = futures.get(i);
      ReadinessCheck.Result result;
      try {
        result = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        result =
            ReadinessCheck.Result.notReady("timed out after " + perCheckTimeout.toMillis() + "ms");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result = ReadinessCheck.Result.notReady("interrupted");
      } catch (Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        result =
            ReadinessCheck.Result.notReady(
                cause.getClass().getSimpleName() + ": " + cause.getMessage());
      }
      outcomes.add(new CheckOutcome(name, result.ready(), result.detail()));
    }
    boolean ready = !outcomes.isEmpty() && outcomes.stream().allMatch(CheckOutcome::ready);
    return new Report(ready, outcomes);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  public record CheckOutcome(String name, boolean ready, String detail) {}

  public record Report(boolean ready, List<CheckOutcome> checks) {
    public Report {
      checks = List.copyOf(checks);
    }

    /** One line per check, {@code [+]name ok} or {@code [-]name reason}, like kube-apiserver. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      for (CheckOutcome c : checks) {
        sb.append(c.ready() ? "[+]" : "[-]")
            .append(c.name())
            .append(' ')
            .append(c.detail())
            .append('\n');
      }
      sb.append(ready ? "ready\n" : "not ready\n");
      return sb.toString();
    }
  }
}
