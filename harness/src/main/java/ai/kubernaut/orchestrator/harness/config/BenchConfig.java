package ai.kubernaut.orchestrator.harness.config;

import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code bench} command: the sandbox stack, or a stack the user names, driven by generated
 * RemediationRequests.
 *
 * @param remediations RRs to create per profile (closed loop and hold)
 * @param concurrency how many RRs are in flight at once (a new one is created when one ends)
 * @param profiles profile names to run, in order (default, recovery, approval)
 * @param stepDelay pause of the simulated controllers before each status write
 * @param maxDuration wall-clock limit per profile; what did not finish is reported as such
 * @param historySample how many workflows' histories to fetch (evenly spread; 0 = all)
 * @param out where to write the JSON report, or null
 * @param orchestrator the orchestrator's settings (Temporal address replaced by the test server's)
 * @param arrivals how RRs arrive: closed loop, open loop at a rate, a ramp of rates, or a hold
 * @param external the stack to measure instead of the in-process sandbox, or null
 * @param controllerThreads threads of the simulated controllers the bench runs
 * @param warmup RRs run (closed loop, not reported) before an external stack is measured
 */
public record BenchConfig(
    int remediations,
    int concurrency,
    List<String> profiles,
    Duration stepDelay,
    Duration maxDuration,
    int historySample,
    Path out,
    OrchestratorConfig orchestrator,
    Arrivals arrivals,
    External external,
    int controllerThreads,
    int warmup) {

  public BenchConfig {
    profiles = List.copyOf(profiles);
  }

  /** The same settings, closed loop of {@code n} at once, reported nowhere: a warm-up. */
  public BenchConfig warmupRun() {
    return new BenchConfig(
        warmup,
        warmup,
        profiles,
        stepDelay,
        maxDuration,
        0,
        null,
        orchestrator,
        Arrivals.closed(),
        external,
        controllerThreads,
        0);
  }

  public record Arrivals(
      List<Double> rates, Duration duration, Duration hold, Duration pickupP99Limit) {
    public Arrivals {
      rates = List.copyOf(rates);
    }

    public static Arrivals closed() {
      return new Arrivals(List.of(), Duration.ZERO, null, Duration.ofSeconds(1));
    }

    public boolean open() {
      return !rates.isEmpty();
    }

    public boolean ramp() {
      return rates.size() > 1;
    }
  }

  /**
   * A stack the bench does not start: a cluster (kubeconfig), a Temporal frontend, and the
   * orchestrator already running against both.
   *
   * @param kubeconfig kubeconfig of the cluster (the bench creates RRs and watches with it)
   * @param temporalAddress the Temporal frontend, {@code host:port}
   * @param temporalNamespace the Temporal namespace the orchestrator uses
   * @param namespace the Kubernetes namespace for the bench's RRs (the orchestrator must watch it)
   * @param orchestratorMetrics the orchestrator's {@code /metrics} URL (API requests, heap), or
   *     null
   * @param processes processes to sample for CPU and RSS, by label (e.g. orchestrator, etcd)
   * @param runControllers whether this process runs the simulated controllers for {@code namespace}
   * @param controllersOnly run only the simulated controllers, until stopped (so they can have a
   *     process of their own, measured apart from the bench)
   */
  public record External(
      Path kubeconfig,
      String temporalAddress,
      String temporalNamespace,
      String namespace,
      String orchestratorMetrics,
      Map<String, Long> processes,
      boolean runControllers,
      boolean controllersOnly) {
    public External {
      processes = Map.copyOf(processes);
    }
  }
}
