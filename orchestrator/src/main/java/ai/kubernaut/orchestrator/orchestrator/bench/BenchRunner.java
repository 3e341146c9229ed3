package ai.kubernaut.orchestrator.orchestrator.bench;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.config.BenchConfig;
import ai.kubernaut.orchestrator.orchestrator.sandbox.SandboxStack;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@code bench} command: for each profile, a fresh sandbox stack (Temporal test server, API
 * stand-in, simulated controllers, the orchestrator), N generated RRs with at most C in flight, and
 * measurements taken by the bench's own watches ({@link BenchProbe}), the orchestrator's Kubernetes
 * client ({@code ApiRequestCounter}), Temporal's history API and the JVM.
 */
public final class BenchRunner implements ServiceRunner<BenchConfig> {

  static final String NAMESPACE = "bench";
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

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
        report.profiles().stream().allMatch(p -> p.completed() == p.requested())
            && report.missing().isEmpty();
    return complete ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
  }

  /** Runs every profile and returns the report (also kept for {@link #lastReport()}). */
  public BenchReport measure(BenchConfig config) throws Exception {
    Instant started = Instant.now();
    List<BenchReport.ProfileResult> results = new ArrayList<>();
    for (BenchProfile profile : BenchProfile.parse(config.profiles())) {
      results.add(runProfile(config, profile));
      report(config, started, results);
      if (config.out() != null) {
        lastReport.writeJson(config.out());
      }
    }
    return report(config, started, results);
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
            results);
    return lastReport;
  }

  public BenchReport lastReport() {
    return lastReport;
  }

  private BenchReport.ProfileResult runProfile(BenchConfig config, BenchProfile profile)
      throws Exception {
    out.printf(
        "profile %s: starting the stack, then %d remediations, %d at a time%n",
        profile.id(), config.remediations(), config.concurrency());
    ControllerConfig controllers = ControllerConfig.benchmark().withStepDelay(config.stepDelay());
    try (SandboxStack stack =
        SandboxStack.start(
            SandboxStack.Settings.of(config.orchestrator(), controllers)
                .withSink(NotificationSink.discarding()))) {
      stack.api().createNamespace(NAMESPACE);
      stack.orchestratorRequests().clear();
      Semaphore inFlight = new Semaphore(config.concurrency());
      Map<String, Boolean> released = new ConcurrentHashMap<>();
      KubernetesClient client = stack.api().client();
      try (BenchProbe probe =
              new BenchProbe(
                  client,
                  NAMESPACE,
                  rr -> {
                    if (released.putIfAbsent(rr, Boolean.TRUE) == null) {
                      inFlight.release();
                    }
                  });
          ResourceMonitor monitor = ResourceMonitor.start()) {
        long start = System.nanoTime();
        long deadline = start + config.maxDuration().toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        int created = 0;
        for (int i = 0; i < config.remediations() && System.nanoTime() < deadline; i++) {
          if (!inFlight.tryAcquire(
              Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            break;
          }
          RemediationRequest rr = remediation(profile, i, config.stepDelay());
          client.resources(RemediationRequest.class).inNamespace(NAMESPACE).resource(rr).create();
          probe.created(rr.getMetadata().getName(), System.nanoTime());
          created++;
          if (System.nanoTime() > nextProgress) {
            nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            progress(profile, created, probe, start);
          }
        }
        while (probe.terminalCount() < created && System.nanoTime() < deadline) {
          Thread.sleep(200);
          if (System.nanoTime() > nextProgress) {
            nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            progress(profile, created, probe, start);
          }
        }
        ResourceMonitor.Usage usage = monitor.stop();
        long end = System.nanoTime();
        progress(profile, created, probe, start);
        if (probe.terminalCount() < created) {
          try {
            describeUnfinished(client, probe);
          } catch (RuntimeException e) {
            out.printf("  could not describe the unfinished RRs: %s%n", e);
          }
        }
        return result(config, profile, stack, probe, usage, created, start, end, end <= deadline);
      }
    }
  }

  /** Where the RRs that did not finish stand: phase counts, and a few with their children. */
  private void describeUnfinished(KubernetesClient client, BenchProbe probe) {
    Map<String, Long> byPhase = new TreeMap<>();
    int shown = 0;
    for (var entry : probe.all()) {
      if (entry.getValue().terminal != 0) {
        continue;
      }
      RemediationRequest rr =
          client
              .resources(RemediationRequest.class)
              .inNamespace(NAMESPACE)
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

  private void progress(BenchProfile profile, int created, BenchProbe probe, long start) {
    out.printf(
        "  %s: %.0f s, %d created, %d terminal%n",
        profile.id(), (System.nanoTime() - start) / 1e9, created, probe.terminalCount());
  }

  private BenchReport.ProfileResult result(
      BenchConfig config,
      BenchProfile profile,
      SandboxStack stack,
      BenchProbe probe,
      ResourceMonitor.Usage usage,
      int created,
      long start,
      long end,
      boolean inTime) {
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
    int per = Math.max(1, completed);
    Map<String, Double> byVerb = new LinkedHashMap<>();
    Map<String, Double> byCall = new LinkedHashMap<>();
    Map<ApiCall, Long> calls = stack.orchestratorRequests().calls();
    calls.forEach(
        (call, n) -> {
          String verb =
              call.verb().equals("update") || call.verb().equals("patch")
                  ? "update+patch"
                  : call.verb();
          byVerb.merge(verb, (double) n / per, Double::sum);
          String name =
              call.verb()
                  + " "
                  + call.resource()
                  + (call.subresource().isEmpty() ? "" : "/" + call.subresource());
          byCall.merge(name, round((double) n / per), Double::sum);
        });
    byVerb.replaceAll((k, v) -> round(v));
    Map<String, Latency> stepLatency = new LinkedHashMap<>();
    byStep.forEach((k, v) -> stepLatency.put(k, Latency.ofNanos(v)));
    Map<String, Latency> kindLatency = new LinkedHashMap<>();
    byKind.forEach((k, v) -> kindLatency.put(k, Latency.ofNanos(v)));
    BenchReport.HistoryEvents history =
        historyEvents(
            stack.temporal().workflowServiceStubs(),
            stack.temporal().namespace(),
            workflowIds,
            config.historySample());
    return new BenchReport.ProfileResult(
        profile.id(),
        config.remediations(),
        created,
        completed,
        inTime && completed == config.remediations(),
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
        usage.topThreads());
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
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      counts.add(events);
    }
    if (counts.isEmpty()) {
      return new BenchReport.HistoryEvents(0, 0, 0, 0, 0);
    }
    long[] sorted = counts.stream().mapToLong(Long::longValue).sorted().toArray();
    double mean = counts.stream().mapToLong(Long::longValue).average().orElse(0);
    return new BenchReport.HistoryEvents(
        sorted.length,
        round(mean),
        sorted[(sorted.length - 1) / 2],
        sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)],
        sorted[sorted.length - 1]);
  }

  /**
   * RR {@code bench-<p>-<i>}: its own fingerprint and target, so no routing rule links two RRs. The
   * name never contains {@code -recovery-<n>}: the simulated WE controller reads the attempt number
   * from the child's name.
   */
  static RemediationRequest remediation(BenchProfile profile, int i, Duration stepDelay) {
    String id = String.format("bench-%s-%06d", profile.id().charAt(0), i);
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
            Map.of(),
            null,
            Expected.of(RemediationPhase.COMPLETED, RemediationOutcome.REMEDIATED),
            "");
    return scenario.toRemediationRequest(NAMESPACE);
  }

  private static String commandLine(BenchConfig config) {
    return String.format(
        "java -jar orchestrator/target/kubernaut-orchestrator.jar bench --remediations %d"
            + " --concurrency %d --profile %s --step-delay %dms --max-duration %ds",
        config.remediations(),
        config.concurrency(),
        String.join(",", config.profiles()),
        config.stepDelay().toMillis(),
        config.maxDuration().toSeconds());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
