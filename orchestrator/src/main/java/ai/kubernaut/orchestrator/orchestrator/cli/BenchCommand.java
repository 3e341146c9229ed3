package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.bench.BenchProfile;
import ai.kubernaut.orchestrator.orchestrator.bench.BenchRunner;
import ai.kubernaut.orchestrator.orchestrator.config.BenchConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.ServiceConfig;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
      "stand-in, simulated child controllers, all in this process). For each profile: a fresh",
      "stack, N RemediationRequests with at most C in flight, then a table (and JSON with --out):",
      "throughput, end-to-end, pickup and transition latency p50/p95/p99, Kubernetes API requests",
      "per remediation by verb next to the design minimum, Temporal history events per workflow,",
      "peak heap and RSS, CPU seconds per remediation. Memory and CPU cover the whole process.",
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
    BenchConfig config = new BenchConfig(n, c, profiles, delay, max, sample, out, orchestrator);
    v.throwIfInvalid();
    return config;
  }

  @Override
  public Integer call() throws Exception {
    BenchConfig config = toConfig();
    LoggingConfigurator.configure(LogFormat.TEXT, config.orchestrator().service().logLevel());
    return runner.run(config);
  }
}
