package ai.kubernaut.orchestrator.harness.cli;

import ai.kubernaut.orchestrator.harness.bench.BenchProfile;
import ai.kubernaut.orchestrator.harness.bench.BenchRunner;
import ai.kubernaut.orchestrator.harness.config.BenchConfig;
import ai.kubernaut.orchestrator.orchestrator.cli.BridgeOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.RemediationOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.RoutingOptions;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.cli.WorkerOptions;
import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the sandbox stack driven by N generated RemediationRequests, C at a time; reports
 * throughput, latencies, API requests, history size, memory and CPU (docs/performance.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    sortOptions = false,
    description = {
      "Measure one orchestrator replica on the sandbox stack (Temporal test server, Kubernetes API",
      "stand-in, simulated child controllers, all in this process), or with --kubeconfig and",
      "--temporal-address on a stack you run (realstack/bench.sh runs the real one). For each",
      "profile: N RemediationRequests with at most C in flight (closed loop), or --rate R/s for",
      "--duration (open loop), or --ramp of rates, or --hold N in flight; then a table (and JSON",
      "with --out): throughput, end-to-end, pickup and transition latency p50/p95/p99, Kubernetes",
      "API requests per remediation by verb next to the design minimum, Temporal history events",
      "per workflow and type, heap, RSS and CPU (this process; per --process from /proc).",
      "Exit code 0 when every remediation finished and the report is complete."
    })
public final class BenchCommand implements Callable<Integer> {

  static final String REMEDIATIONS = "--remediations";
  static final String CONCURRENCY = "--concurrency";
  static final String PROFILE = "--profile";
  static final String STEP_DELAY = "--step-delay";
  static final String MAX_DURATION = "--max-duration";
  static final String HISTORY_SAMPLE = "--history-sample";

  @Option(
      names = {"-n", REMEDIATIONS},
      paramLabel = "<N>",
      defaultValue = "100",
      description = "RemediationRequests to create per profile.")
  int remediations;

  @Option(
      names = {"-c", CONCURRENCY},
      paramLabel = "<C>",
      defaultValue = "100",
      description = "RemediationRequests in flight at once; a new one starts when one ends.")
  int concurrency;

  @Option(
      names = PROFILE,
      paramLabel = "<profile>",
      split = ",",
      defaultValue = "default",
      description =
          "Profiles to run, comma-separated: default (every step succeeds), recovery (every"
              + " workflow execution fails once), approval (every RR needs approval), all.")
  List<String> profiles;

  @Option(
      names = STEP_DELAY,
      paramLabel = "<duration>",
      defaultValue = "0",
      description = "Pause of the simulated child controllers before each status write.")
  String stepDelay;

  @Option(
      names = MAX_DURATION,
      paramLabel = "<duration>",
      defaultValue = "15m",
      description = "Wall-clock limit per profile; unfinished remediations are reported as such.")
  String maxDuration;

  @Option(
      names = HISTORY_SAMPLE,
      paramLabel = "<n>",
      defaultValue = "200",
      description = "Workflows whose history is fetched to count events (evenly spread; 0 = all).")
  int historySample;

  @Option(
      names = "--out",
      paramLabel = "<file.json>",
      description = "Also write the report as JSON to this file.")
  Path out;

  @Option(
      names = "--log-level",
      paramLabel = "<level>",
      defaultValue = "WARN",
      description = "Log level while benchmarking (INFO logs every transition and costs CPU).")
  String logLevel;

  @Option(
      names = "--rate",
      paramLabel = "<R>",
      description = "Open loop: create R RemediationRequests per second for --duration.")
  Double rate;

  @Option(
      names = "--ramp",
      paramLabel = "<R1,R2,...>",
      split = ",",
      description =
          "Open loop at each rate for --duration, in order, until one is not sustained (pickup"
              + " p99 over --pickup-limit, or RRs left unfinished).")
  List<Double> ramp;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      defaultValue = "60s",
      description = "Open loop: how long each rate is offered.")
  String duration;

  @Option(
      names = "--pickup-limit",
      paramLabel = "<duration>",
      defaultValue = "1s",
      description = "Ramp: the highest pickup p99 a sustained rate may have.")
  String pickupLimit;

  @Option(
      names = "--hold",
      paramLabel = "<duration>",
      description =
          "Hold mode: once all RRs (N, or --rate x --duration) are picked up keep them in"
              + " flight this long (use a long --step-delay), measure memory, then delete them.")
  String hold;

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      description = "Run against this cluster (with --temporal-address) instead of the sandbox.")
  String kubeconfig;

  @Option(
      names = "--temporal-address",
      paramLabel = "<host:port>",
      description = "The Temporal frontend the orchestrator under test uses.")
  String temporalAddress;

  @Option(
      names = "--temporal-namespace",
      paramLabel = "<namespace>",
      defaultValue = "default",
      description = "The Temporal namespace the orchestrator under test uses.")
  String temporalNamespace;

  @Option(
      names = "--namespace",
      paramLabel = "<namespace>",
      defaultValue = "bench",
      description = "External stack: the namespace for the RRs (the orchestrator must watch it).")
  String namespace;

  @Option(
      names = "--orchestrator-metrics",
      paramLabel = "<url>",
      description =
          "External stack: the orchestrator's /metrics (its Kubernetes API requests and heap).")
  String orchestratorMetrics;

  @Option(
      names = "--process",
      paramLabel = "<label=pid>",
      description =
          "External stack: a local process to sample for CPU and RSS from /proc (repeatable;"
              + " the label orchestrator is the one whose heap is read after a hold).")
  Map<String, Long> processes;

  @Option(
      names = "--no-controllers",
      description =
          "External stack: do not run the simulated controllers here (they run elsewhere).")
  boolean noControllers;

  @Option(
      names = "--controllers-only",
      description =
          "External stack: only run the simulated controllers for --namespace until stopped.")
  boolean controllersOnly;

  @Option(
      names = "--controller-threads",
      paramLabel = "<n>",
      description = "Threads of the simulated controllers (default: 2 per core, at least 4).")
  Integer controllerThreads;

  @Option(
      names = "--warmup",
      paramLabel = "<n>",
      defaultValue = "0",
      description =
          "External stack: first run n RemediationRequests, n at once, unmeasured (JIT, caches).")
  int warmup;

  @Mixin RemediationOptions remediation;
  @Mixin RoutingOptions routing;
  @Mixin WorkerOptions worker;
  @Mixin BridgeOptions bridge;

  private final ServiceRunner<BenchConfig> runner;

  public BenchCommand() {
    this(new BenchRunner());
  }

  public BenchCommand(ServiceRunner<BenchConfig> runner) {
    this.runner = runner;
  }

  /** Validates every option; throws when any is invalid, naming each. */
  public BenchConfig toConfig() {
    ConfigValidator v = new ConfigValidator();
    int n = v.intAtLeast(REMEDIATIONS, remediations, 1);
    int c = v.intAtLeast(CONCURRENCY, concurrency, 1);
    try {
      BenchProfile.parse(profiles);
    } catch (IllegalArgumentException e) {
      v.require(false, PROFILE, "must be one of " + BenchProfile.names() + ", got " + profiles);
    }
    Duration delay = v.nonNegativeDuration(STEP_DELAY, stepDelay);
    Duration max = v.positiveDuration(MAX_DURATION, maxDuration);
    int sample = v.intAtLeast(HISTORY_SAMPLE, historySample, 0);
    ServiceConfig service =
        new ServiceConfig(
            0, LogFormat.TEXT, v.logLevel("--log-level", logLevel), Duration.ofSeconds(5));
    OrchestratorConfig orchestrator =
        SandboxCommand.sandboxOrchestrator(
            v, 1, Path.of("bench-kubeconfig"), remediation, routing, worker, bridge, service);
    v.require(
        rate == null || ramp == null || ramp.isEmpty(), "--rate", "cannot be used with --ramp");
    List<Double> rates = rate != null ? List.of(rate) : ramp == null ? List.of() : ramp;
    rates.forEach(r -> v.require(r > 0, rate != null ? "--rate" : "--ramp", "must be above 0"));
    Duration holdFor = hold == null ? null : v.positiveDuration("--hold", hold);
    v.require(holdFor == null || rates.size() <= 1, "--hold", "cannot be used with --ramp");
    BenchConfig.Arrivals arrivals =
        new BenchConfig.Arrivals(
            rates,
            v.positiveDuration("--duration", duration),
            holdFor,
            v.positiveDuration("--pickup-limit", pickupLimit));
    if (!controllersOnly) {
      v.together("--kubeconfig", kubeconfig, "--temporal-address", temporalAddress);
    }
    BenchConfig.External external = null;
    if (kubeconfig != null) {
      Path cluster = v.optionalReadableFile("--kubeconfig", kubeconfig);
      String address =
          temporalAddress == null ? null : v.hostPort("--temporal-address", temporalAddress);
      external =
          new BenchConfig.External(
              cluster,
              address,
              v.nonBlank("--temporal-namespace", temporalNamespace),
              v.dnsSubdomain("--namespace", namespace),
              v.optionalHttpUrl("--orchestrator-metrics", orchestratorMetrics),
              processes == null ? Map.of() : processes,
              !noControllers,
              controllersOnly);
    } else {
      v.require(
          processes == null && orchestratorMetrics == null && !noControllers && !controllersOnly,
          "--kubeconfig",
          "is needed by --process, --orchestrator-metrics, --no-controllers and"
              + " --controllers-only");
    }
    int threads =
        controllerThreads == null
            ? Math.max(4, 2 * Runtime.getRuntime().availableProcessors())
            : v.intAtLeast("--controller-threads", controllerThreads, 1);
    BenchConfig config =
        new BenchConfig(
            n,
            c,
            profiles,
            delay,
            max,
            sample,
            out,
            orchestrator,
            arrivals,
            external,
            threads,
            v.intAtLeast("--warmup", warmup, 0));
    v.throwIfInvalid();
    return config;
  }

  @Override
  public Integer call() throws Exception {
    BenchConfig config = toConfig();
    LoggingConfigurator.configure(LogFormat.TEXT, config.orchestrator().service().logLevel());
    if (config.external() != null && config.external().controllersOnly()) {
      return BenchRunner.serveControllers(config);
    }
    return runner.run(config);
  }
}
