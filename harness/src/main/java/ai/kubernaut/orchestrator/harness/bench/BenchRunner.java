package ai.kubernaut.orchestrator.harness.bench;

import static java.util.stream.Collectors.joining;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.harness.config.BenchConfig;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.config.KubernetesConfig;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import ai.kubernaut.orchestrator.sandbox.scenarios.Expected;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario;
import com.google.protobuf.ByteString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code bench} command: for each profile, a fresh sandbox stack (Temporal test server, API
 * stand-in, simulated controllers, the orchestrator), N generated RRs with at most C in flight, and
 * measurements taken by the bench's own watches ({@link BenchProbe}), the orchestrator's Kubernetes
 * client ({@code ApiRequestCounter}), Temporal's history API and the JVM.
 */
public final class BenchRunner implements ServiceRunner<BenchConfig> {

  static final String NAMESPACE = "bench";
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** A held RR must not time out while the bench holds it (the defaults are minutes). */
  static final Map<String, String> HOLD_TIMEOUTS =
      Map.of("processing", "3h", "analyzing", "3h", "executing", "3h", "global", "6h");

  private final PrintStream out;
  private BenchReport lastReport;

  public BenchRunner() {
    this(System.out);
  }

  public BenchRunner(PrintStream out) {
    this.out = out;
  }

  @Override
  public int run(BenchConfig config) throws Exception {
    BenchReport report = measure(config);
    out.println();
    out.print(report.table());
    if (config.out() != null) {
      report.writeJson(config.out());
      out.printf("%nJSON report written to %s%n", config.out());
    }
    boolean complete =
        report.profiles().stream()
                .allMatch(
                    p ->
                        p.hold()
                            ? p.heldInFlight() == p.requested()
                            : p.completed() == p.requested()
                                || report.ramp() != null && p.completed() == p.created())
            && report.missing().isEmpty();
    return complete ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
  }

  /**
   * {@code bench --controllers-only}: the simulated controllers for the external stack's namespace
   * in this process, until it is stopped (SIGTERM).
   */
  public static int serveControllers(BenchConfig config) throws InterruptedException {
    BenchConfig.External e = config.external();
    KubernetesClient client =
        KubernetesClients.create(new KubernetesConfig(e.kubeconfig().toString(), List.of()));
    ai.kubernaut.orchestrator.harness.sandbox.SandboxStack.createNamespace(client, e.namespace());
    var controllers = BenchTarget.startControllers(client, e.namespace(), config);
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  controllers.close();
                  client.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "simulated controllers running for namespace %s (%d threads); stop with SIGTERM%n",
        e.namespace(), config.controllerThreads());
    stopped.await();
    return ExitCodes.OK;
  }

  /** Runs every profile (every rate of a ramp) and returns the report. */
  public BenchReport measure(BenchConfig config) throws Exception {
    Instant started = Instant.now();
    List<BenchReport.ProfileResult> results = new ArrayList<>();
    List<Double> rates = config.arrivals().open() ? config.arrivals().rates() : List.of(0.0);
    if (config.warmup() > 0 && config.external() != null) {
      BenchConfig warmup = config.warmupRun();
      out.printf("warm-up: %d remediations, not reported%n", warmup.remediations());
      runProfile(warmup, BenchProfile.parse(config.profiles()).get(0), 0, 99);
    }
    for (BenchProfile profile : BenchProfile.parse(config.profiles())) {
      for (int step = 0; step < rates.size(); step++) {
        BenchReport.ProfileResult result = runProfile(config, profile, rates.get(step), step);
        results.add(result);
        report(config, started, results);
        if (config.out() != null) {
          lastReport.writeJson(config.out());
        }
        if (config.arrivals().ramp() && !sustained(config, result)) {
          break;
        }
      }
    }
    return report(config, started, results);
  }

  private static boolean sustained(BenchConfig config, BenchReport.ProfileResult r) {
    return r.created() > 0
        && r.completed() == r.created()
        && r.createdPerSecond() >= 0.9 * r.offeredPerSecond()
        && r.pickup().p99Ms() < config.arrivals().pickupP99Limit().toMillis();
  }

  private BenchReport report(
      BenchConfig config, Instant started, List<BenchReport.ProfileResult> results) {
    lastReport =
        new BenchReport(
            started.toString(),
            new BenchReport.Environment(
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch")),
            new BenchReport.Settings(
                config.remediations(),
                config.concurrency(),
                config.stepDelay().toString(),
                config.maxDuration().toString(),
                config.historySample(),
                commandLine(config)),
            results,
            stackDescription(config),
            config.arrivals().ramp() ? ramp(config, results) : null);
    return lastReport;
  }

  private static String stackDescription(BenchConfig config) {
    if (config.external() == null) {
      return "in-process sandbox (Temporal test server, Kubernetes API stand-in, simulated"
          + " controllers, orchestrator, bench: one JVM)";
    }
    BenchConfig.External e = config.external();
    return "external: cluster of "
        + e.kubeconfig()
        + ", Temporal "
        + e.temporalAddress()
        + " namespace "
        + e.temporalNamespace()
        + ", orchestrator metrics "
        + e.orchestratorMetrics()
        + (e.runControllers()
            ? ", simulated controllers in the bench process"
            : ", controllers elsewhere");
  }

  private static BenchReport.Ramp ramp(
      BenchConfig config, List<BenchReport.ProfileResult> results) {
    List<BenchReport.RampStep> steps = new ArrayList<>();
    double highest = 0;
    String busiest = "none (every rate was sustained)";
    boolean failed = false;
    for (BenchReport.ProfileResult r : results) {
      boolean ok = sustained(config, r);
      Map<String, Double> cores = new LinkedHashMap<>();
      r.processes().forEach((name, u) -> cores.put(name, u.cpuCores()));
      double wall = Math.max(1e-9, r.wallSeconds());
      double machineCores =
          r.machine() == null ? 0 : round(r.machine().busyCpuSeconds() / wall / 1.0);
      steps.add(
          new BenchReport.RampStep(
              r.offeredPerSecond(),
              r.createdPerSecond(),
              r.created(),
              r.completed(),
              r.pickup().p99Ms(),
              r.transition().p99Ms(),
              ok,
              cores,
              machineCores));
      if (ok && !failed) {
        highest = Math.max(highest, r.offeredPerSecond());
      } else if (!ok && !failed) {
        failed = true;
        busiest =
            cores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + e.getValue() + " cores)")
                .orElse("unknown (no processes sampled)");
      }
    }
    return new BenchReport.Ramp(
        "pickup p99 < "
            + config.arrivals().pickupP99Limit().toMillis()
            + " ms, every RR finished, created at >= 90 % of the offered rate",
        highest,
        busiest,
        steps);
  }

  public BenchReport lastReport() {
    return lastReport;
  }

  private BenchReport.ProfileResult runProfile(
      BenchConfig config, BenchProfile profile, double rate, int step) throws Exception {
    BenchConfig.Arrivals arrivals = config.arrivals();
    String arrival =
        arrivals.hold() != null
            ? String.format(
                "hold %d for %d s, created %s",
                rate > 0
                    ? Math.round(rate * arrivals.duration().toNanos() / 1e9)
                    : config.remediations(),
                arrivals.hold().toSeconds(),
                rate > 0 ? String.format("at %.2f/s", rate) : config.concurrency() + " at once")
            : rate > 0
                ? String.format("open loop %.2f/s for %d s", rate, arrivals.duration().toSeconds())
                : "closed loop C=" + config.concurrency();
    out.printf("profile %s: starting, %s%n", profile.id(), arrival);
    try (BenchTarget target =
        config.external() == null
            ? BenchTarget.sandbox(config, NAMESPACE)
            : BenchTarget.external(config)) {
      String prefix = namePrefix(profile, step);
      Map<ApiCall, Long> requestsBefore = target.orchestratorRequests();
      Semaphore inFlight = new Semaphore(config.concurrency());
      Map<String, Boolean> released = new ConcurrentHashMap<>();
      KubernetesClient client = target.client();
      try (BenchProbe probe =
              new BenchProbe(
                  client,
                  target.namespace(),
                  prefix,
                  rr -> {
                    if (released.putIfAbsent(rr, Boolean.TRUE) == null) {
                      inFlight.release();
                    }
                  });
          ResourceMonitor monitor = ResourceMonitor.start();
          ProcessSampler processes =
              ProcessSampler.start(target.processes(), () -> target.orchestratorHeap().orElse(0))) {
        Run run = new Run(config, profile, target, probe, prefix);
        if (rate > 0) {
          run.openLoop(rate, arrivals.duration());
        } else {
          run.closedLoop(inFlight);
        }
        long heapAfterGc = 0;
        if (arrivals.hold() != null) {
          run.hold(arrivals.hold());
          heapAfterGc = heapAfterFullGc(target);
        } else {
          run.awaitTerminal();
        }
        int created = run.created.get();
        int per = (int) Math.max(1, arrivals.hold() != null ? created : probe.terminalCount());
        ProcessSampler.Usage processUsage = processes.stop(per);
        ResourceMonitor.Usage usage = monitor.stop();
        long end = System.nanoTime();
        run.progress();
        if (arrivals.hold() == null && probe.terminalCount() < created) {
          try {
            describeUnfinished(client, target.namespace(), probe);
          } catch (RuntimeException e) {
            out.printf("  could not describe the unfinished RRs: %s%n", e);
          }
        }
        Map<ApiCall, Long> requests = new HashMap<>(target.orchestratorRequests());
        requestsBefore.forEach((call, n) -> requests.merge(call, -n, Long::sum));
        BenchReport.OrchestratorMemory memory = null;
        if (!target.inProcess()) {
          BenchReport.ProcessUsage orchestrator = processUsage.processes().get("orchestrator");
          memory =
              new BenchReport.OrchestratorMemory(
                  processUsage.peakHeapBytes(),
                  heapAfterGc,
                  orchestrator == null ? 0 : orchestrator.peakRss());
        }
        if (arrivals.hold() != null) {
          run.deleteAll();
        }
        return result(
            config,
            profile,
            target,
            probe,
            usage,
            run,
            arrival,
            rate,
            requests,
            processUsage,
            memory,
            end);
      }
    }
  }

  /**
   * Names of one run's RRs: {@code bench-<p>-<run>-<step>-}, so a second run against the same
   * cluster does not meet the first one's RRs (the probe only counts its own). The name never
   * contains {@code -recovery-<n>}: the simulated WE controller reads the attempt number from the
   * child's name.
   */
  private static String namePrefix(BenchProfile profile, int step) {
    String run = Long.toString(System.currentTimeMillis() / 1000 % (36L * 36 * 36 * 36), 36);
    return String.format("bench-%s-%s-%d-", profile.id().charAt(0), run, step);
  }

  /** Runs {@code jcmd <pid> GC.run} on the orchestrator, then reads its heap; 0 when unknown. */
  private long heapAfterFullGc(BenchTarget target) throws InterruptedException {
    if (target.orchestratorPid().isEmpty() || target.orchestratorHeap().isEmpty()) {
      return 0;
    }
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  String.valueOf(target.orchestratorPid().getAsLong()),
                  "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        out.println("  jcmd GC.run did not succeed; no heap-after-GC figure");
        return 0;
      }
      Thread.sleep(1000);
      return target.orchestratorHeap().orElse(0);
    } catch (java.io.IOException e) {
      out.printf("  jcmd failed: %s%n", e);
      return 0;
    }
  }

  /** One profile's arrivals and waits. */
  private final class Run {
    final BenchConfig config;
    final BenchProfile profile;
    final BenchTarget target;
    final BenchProbe probe;
    final String prefix;
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger failedCreates = new AtomicInteger();
    final long start = System.nanoTime();
    final long deadline;
    volatile long lastCreate;
    int peakInFlight;
    int heldInFlight;
    long nextProgress;

    Run(
        BenchConfig config,
        BenchProfile profile,
        BenchTarget target,
        BenchProbe probe,
        String prefix) {
      this.config = config;
      this.profile = profile;
      this.target = target;
      this.probe = probe;
      this.prefix = prefix;
      this.deadline = start + config.maxDuration().toNanos();
      this.nextProgress = start + PROGRESS_EVERY.toNanos();
    }

    boolean create(int i) {
      RemediationRequest rr =
          remediation(
              profile,
              target.namespace(),
              prefix,
              i,
              config.stepDelay(),
              config.arrivals().hold() == null ? Map.of() : HOLD_TIMEOUTS);
      try {
        target
            .client()
            .resources(RemediationRequest.class)
            .inNamespace(target.namespace())
            .resource(rr)
            .create();
      } catch (RuntimeException e) {
        failedCreates.incrementAndGet();
        out.printf("  create %s failed: %s%n", rr.getMetadata().getName(), e.getMessage());
        return false;
      }
      long now = System.nanoTime();
      probe.created(rr.getMetadata().getName(), now);
      created.incrementAndGet();
      lastCreate = now;
      return true;
    }

    void closedLoop(Semaphore inFlight) throws InterruptedException {
      for (int i = 0; i < config.remediations() && System.nanoTime() < deadline; i++) {
        if (!inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
        if (!create(i)) {
          inFlight.release();
        }
        tick();
      }
    }

    /** Creates RRs at {@code rate} per second for {@code duration}, whatever is in flight. */
    void openLoop(double rate, Duration duration) throws InterruptedException {
      int n = (int) Math.round(rate * duration.toNanos() / 1e9);
      long period = (long) (1e9 / rate);
      ExecutorService creators =
          Executors.newFixedThreadPool(
              Math.max(4, (int) Math.ceil(rate / 10)),
              r -> {
                Thread t = new Thread(r, "bench-create");
                t.setDaemon(true);
                return t;
              });
      try {
        for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
          long due = start + i * period;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          int index = i;
          creators.execute(() -> create(index));
          tick();
        }
      } finally {
        creators.shutdown();
        creators.awaitTermination(1, TimeUnit.MINUTES);
      }
    }

    void awaitTerminal() throws InterruptedException {
      while (probe.terminalCount() < created.get() && System.nanoTime() < deadline) {
        Thread.sleep(200);
        tick();
      }
    }

    /** Waits until every RR was picked up, keeps them in flight for {@code hold}, sampling. */
    void hold(Duration hold) throws InterruptedException {
      while (probe.pickedUpCount() < created.get() && System.nanoTime() < deadline) {
        Thread.sleep(200);
        tick();
      }
      long until = Math.min(deadline, System.nanoTime() + hold.toNanos());
      out.printf(
          "  holding %d in flight (%d picked up) for %d s%n",
          created.get() - probe.terminalCount(), probe.pickedUpCount(), hold.toSeconds());
      while (System.nanoTime() < until) {
        Thread.sleep(200);
        tick();
      }
      heldInFlight = (int) (created.get() - probe.terminalCount());
    }

    void deleteAll() {
      out.printf("  deleting the %d held RRs%n", created.get());
      for (var entry : probe.all()) {
        try {
          target
              .client()
              .resources(RemediationRequest.class)
              .inNamespace(target.namespace())
              .withName(entry.getKey())
              .delete();
        } catch (RuntimeException e) {
          out.printf("  delete %s failed: %s%n", entry.getKey(), e.getMessage());
        }
      }
    }

    private void tick() {
      peakInFlight = (int) Math.max(peakInFlight, created.get() - probe.terminalCount());
      if (System.nanoTime() > nextProgress) {
        nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        progress();
      }
    }

    void progress() {
      out.printf(
          "  %s: %.0f s, %d created, %d picked up, %d terminal%s%n",
          profile.id(),
          (System.nanoTime() - start) / 1e9,
          created.get(),
          probe.pickedUpCount(),
          probe.terminalCount(),
          failedCreates.get() == 0 ? "" : ", " + failedCreates.get() + " creates failed");
    }
  }

  /** Where the RRs that did not finish stand: phase counts, and a few with their children. */
  private void describeUnfinished(KubernetesClient client, String namespace, BenchProbe probe) {
    Map<String, Long> byPhase = new TreeMap<>();
    int shown = 0;
    for (var entry : probe.all()) {
      if (entry.getValue().terminal != 0) {
        continue;
      }
      RemediationRequest rr =
          client
              .resources(RemediationRequest.class)
              .inNamespace(namespace)
              .withName(entry.getKey())
              .get();
      String phase =
          rr == null || rr.getStatus() == null || rr.getStatus().getOverallPhase() == null
              ? "none"
              : rr.getStatus().getOverallPhase().value();
      byPhase.merge(phase, 1L, Long::sum);
      if (shown++ < 5) {
        StringBuilder children = new StringBuilder();
        synchronized (entry.getValue()) {
          entry
              .getValue()
              .lastEvent
              .forEach(
                  (name, event) -> children.append(name).append('=').append(event).append(' '));
        }
        out.printf(
            "  unfinished %s: phase %s since %s, waiting for %s; children seen: %s%n",
            entry.getKey(),
            phase,
            rr == null || rr.getStatus() == null ? "-" : rr.getStatus().getPhaseStartTime(),
            rr == null || rr.getStatus() == null ? "-" : rr.getStatus().getMessage(),
            children);
      }
    }
    out.printf("  unfinished RRs by phase: %s%n", byPhase);
  }

  private BenchReport.ProfileResult result(
      BenchConfig config,
      BenchProfile profile,
      BenchTarget target,
      BenchProbe probe,
      ResourceMonitor.Usage usage,
      Run run,
      String arrival,
      double rate,
      Map<ApiCall, Long> calls,
      ProcessSampler.Usage processUsage,
      BenchReport.OrchestratorMemory memory,
      long end) {
    long start = run.start;
    int created = run.created.get();
    boolean inTime = end <= run.deadline;
    List<Long> endToEnd = new ArrayList<>();
    List<Long> pickup = new ArrayList<>();
    List<Long> transitions = new ArrayList<>();
    Map<String, List<Long>> byStep = new TreeMap<>();
    Map<String, List<Long>> byKind = new TreeMap<>();
    Map<String, Long> outcomes = new TreeMap<>();
    List<String> workflowIds = new ArrayList<>();
    int completed = 0;
    int expected = 0;
    long lastTerminal = start;
    for (var entry : probe.all()) {
      BenchProbe.Times t = entry.getValue();
      if (t.pickedUp != 0 && t.created != 0) {
        pickup.add(Math.max(0, t.pickedUp - t.created));
      }
      BenchProbe.transitions(t, false)
          .forEach(
              (label, values) -> {
                transitions.addAll(values);
                byStep.computeIfAbsent(label, k -> new ArrayList<>()).addAll(values);
              });
      BenchProbe.transitions(t, true).entrySet().stream()
          .filter(e -> e.getKey().contains(" failed -> "))
          .forEach(
              e -> byStep.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue()));
      BenchProbe.childDurations(t)
          .forEach(
              (kind, values) ->
                  byKind.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(values));
      if (t.workflowId != null) {
        workflowIds.add(t.workflowId);
      }
      if (t.terminal != 0) {
        completed++;
        lastTerminal = Math.max(lastTerminal, t.terminal);
        endToEnd.add(t.terminal - t.created);
        outcomes.merge(t.phase + "/" + t.outcome, 1L, Long::sum);
        int attempts = t.recoveryAttempts == null ? 0 : t.recoveryAttempts;
        if (RemediationPhase.COMPLETED.value().equals(t.phase)
            && RemediationOutcome.REMEDIATED.toString().equals(t.outcome)
            && attempts == profile.expectedRecoveryAttempts()) {
          expected++;
        }
      }
    }
    double wall = (Math.max(lastTerminal, start) - start) / 1e9;
    double perSecond = wall > 0 ? completed / wall : 0;
    // a hold deletes its RRs instead of finishing them: its costs are per RR created
    int per = Math.max(1, config.arrivals().hold() != null ? created : completed);
    Map<String, Double> byVerb = new LinkedHashMap<>();
    Map<String, Double> byCall = new LinkedHashMap<>();
    calls.forEach(
        (call, n) -> {
          if (n == 0) {
            return;
          }
          String name =
              call.verb()
                  + " "
                  + call.resource()
                  + (call.subresource().isEmpty() ? "" : "/" + call.subresource());
          byCall.merge(name, round((double) n / per), Double::sum);
          if (call.resource().equals("leases")) {
            return; // leader election: per replica and second, not per remediation
          }
          String verb =
              call.verb().equals("update") || call.verb().equals("patch")
                  ? "update+patch"
                  : call.verb();
          byVerb.merge(verb, (double) n / per, Double::sum);
        });
    byVerb.replaceAll((k, v) -> round(v));
    Map<String, Latency> stepLatency = new LinkedHashMap<>();
    byStep.forEach((k, v) -> stepLatency.put(k, Latency.ofNanos(v)));
    Map<String, Latency> kindLatency = new LinkedHashMap<>();
    byKind.forEach((k, v) -> kindLatency.put(k, Latency.ofNanos(v)));
    BenchReport.HistoryEvents history =
        historyEvents(
            target.temporal(), target.temporalNamespace(), workflowIds, config.historySample());
    double createWindow = (run.lastCreate - start) / 1e9;
    int requested = rate > 0 ? created + run.failedCreates.get() : config.remediations();
    return new BenchReport.ProfileResult(
        profile.id(),
        arrival,
        rate,
        rate > 0 && createWindow > 0 ? round((created - 1) / createWindow) : 0,
        run.peakInFlight,
        run.heldInFlight,
        requested,
        created,
        completed,
        inTime && completed == requested,
        round(wall),
        round(perSecond),
        round(perSecond * 60),
        outcomes,
        expected,
        Latency.ofNanos(endToEnd),
        Latency.ofNanos(pickup),
        Latency.ofNanos(transitions),
        stepLatency,
        kindLatency,
        byVerb,
        profile.designMinimum(),
        byCall,
        history,
        usage.peakHeapUsedBytes(),
        usage.peakHeapPoolsBytes(),
        usage.peakRssBytes(),
        usage.vmHwmBytes(),
        round(usage.cpuSeconds()),
        Math.round(usage.cpuSeconds() / per * 10_000) / 10_000.0,
        usage.topThreads(),
        processUsage.processes(),
        processUsage.machine(),
        memory);
  }

  static BenchReport.HistoryEvents historyEvents(
      WorkflowServiceStubs stubs, String namespace, List<String> workflowIds, int sample) {
    List<String> chosen = new ArrayList<>();
    if (sample <= 0 || sample >= workflowIds.size()) {
      chosen.addAll(workflowIds);
    } else {
      double step = (double) workflowIds.size() / sample;
      for (int i = 0; i < sample; i++) {
        chosen.add(workflowIds.get((int) (i * step)));
      }
    }
    List<Long> counts = new ArrayList<>();
    Map<String, Long> byType = new TreeMap<>();
    for (String id : chosen) {
      long events = 0;
      ByteString token = ByteString.EMPTY;
      do {
        GetWorkflowExecutionHistoryResponse page =
            stubs
                .blockingStub()
                .getWorkflowExecutionHistory(
                    GetWorkflowExecutionHistoryRequest.newBuilder()
                        .setNamespace(namespace)
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id).build())
                        .setNextPageToken(token)
                        .build());
        events += page.getHistory().getEventsCount();
        page.getHistory()
            .getEventsList()
            .forEach(e -> byType.merge(eventType(e.getEventType().name()), 1L, Long::sum));
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      counts.add(events);
    }
    if (counts.isEmpty()) {
      return new BenchReport.HistoryEvents(0, 0, 0, 0, 0, Map.of());
    }
    Map<String, Double> meanByType = new LinkedHashMap<>();
    byType.forEach((type, n) -> meanByType.put(type, round((double) n / counts.size())));
    long[] sorted = counts.stream().mapToLong(Long::longValue).sorted().toArray();
    double mean = counts.stream().mapToLong(Long::longValue).average().orElse(0);
    return new BenchReport.HistoryEvents(
        sorted.length,
        round(mean),
        sorted[(sorted.length - 1) / 2],
        sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)],
        sorted[sorted.length - 1],
        meanByType);
  }

  /** {@code EVENT_TYPE_ACTIVITY_TASK_SCHEDULED} as {@code ActivityTaskScheduled}. */
  static String eventType(String enumName) {
    StringBuilder b = new StringBuilder();
    for (String word : enumName.replaceFirst("^EVENT_TYPE_", "").split("_")) {
      if (!word.isEmpty()) {
        b.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return b.toString();
  }

  /** RR {@code <prefix><i>}: its own fingerprint and target, so no routing rule links two RRs. */
  static RemediationRequest remediation(
      BenchProfile profile, String namespace, String prefix, int i, Duration stepDelay) {
    return remediation(profile, namespace, prefix, i, stepDelay, Map.of());
  }

  /** As above, with {@code spec.timeoutConfig} fields (a hold outlasts the default timeouts). */
  static RemediationRequest remediation(
      BenchProfile profile,
      String namespace,
      String prefix,
      int i,
      Duration stepDelay,
      Map<String, String> timeouts) {
    String id = String.format("%s%06d", prefix, i);
    Map<String, String> annotations = new HashMap<>();
    annotations.put(Script.SCENARIO, profile.scenario());
    annotations.put(Script.DELAY, stepDelay.toMillis() + "ms");
    Scenario scenario =
        new Scenario(
            id,
            "bench " + profile.id(),
            "BenchSignal",
            "critical",
            new Scenario.Target("Deployment", "app-" + id),
            "bench/" + id,
            Map.of(),
            annotations,
            timeouts,
            null,
            Expected.of(RemediationPhase.COMPLETED, RemediationOutcome.REMEDIATED),
            "");
    return scenario.toRemediationRequest(namespace);
  }

  private static String commandLine(BenchConfig config) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                "java -jar harness/target/kubernaut-sandbox.jar bench --remediations %d"
                    + " --concurrency %d --profile %s --step-delay %dms --max-duration %ds",
                config.remediations(),
                config.concurrency(),
                String.join(",", config.profiles()),
                config.stepDelay().toMillis(),
                config.maxDuration().toSeconds()));
    BenchConfig.Arrivals a = config.arrivals();
    if (a.open()) {
      b.append(a.ramp() ? " --ramp " : " --rate ")
          .append(a.rates().stream().map(r -> String.valueOf(r)).collect(joining(",")))
          .append(" --duration ")
          .append(a.duration().toSeconds())
          .append('s');
    }
    if (a.hold() != null) {
      b.append(" --hold ").append(a.hold().toSeconds()).append('s');
    }
    if (config.warmup() > 0) {
      b.append(" --warmup ").append(config.warmup());
    }
    BenchConfig.External e = config.external();
    if (e != null) {
      b.append(" --kubeconfig ")
          .append(e.kubeconfig())
          .append(" --temporal-address ")
          .append(e.temporalAddress())
          .append(" --temporal-namespace ")
          .append(e.temporalNamespace())
          .append(" --namespace ")
          .append(e.namespace());
      if (e.orchestratorMetrics() != null) {
        b.append(" --orchestrator-metrics ").append(e.orchestratorMetrics());
      }
      e.processes().forEach((k, v) -> b.append(" --process ").append(k).append('=').append(v));
      if (!e.runControllers()) {
        b.append(" --no-controllers");
      }
    }
    return b.toString();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
