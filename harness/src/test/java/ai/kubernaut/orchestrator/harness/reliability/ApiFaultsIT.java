package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * About 20 % of the requests to Kubernaut resources and Events answered with 500, 503, 429 or held
 * back past the client's timeout, and every watch dropped every 3 s: every remediation still
 * completes, and the retries show in the Temporal SDK's activity metrics.
 */
class ApiFaultsIT {

  private static final String KUBERNAUT_AND_EVENTS =
      "/apis/kubernaut\\.ai/.*|/api/v1/namespaces/[^/]+/events.*";

  @RegisterExtension static final ReliabilityStack stack = ReliabilityStack.perClass();

  @Test
  void everythingCompletesDespiteErrorsSlowAnswersAndDroppedWatches() {
    String ns = stack.namespace("faults");
    List<FaultRule> rules =
        List.of(
            FaultRule.onAnyMethod(KUBERNAUT_AND_EVENTS).respond(500).probability(0.06),
            FaultRule.onAnyMethod(KUBERNAUT_AND_EVENTS).respond(503).probability(0.06),
            FaultRule.onAnyMethod(KUBERNAUT_AND_EVENTS)
                .respond(429)
                .retryAfter(Duration.ofSeconds(1))
                .probability(0.06),
            FaultRule.onAnyMethod(KUBERNAUT_AND_EVENTS)
                .delay(Duration.ofSeconds(3))
                .probability(0.02));
    rules.forEach(stack.stack.api().faults()::add);
    AtomicInteger drops = new AtomicInteger();
    ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
    dropper.scheduleAtFixedRate(
        () -> drops.addAndGet(stack.stack.api().dropWatches()), 3, 3, TimeUnit.SECONDS);
    List<String> names = new ArrayList<>();
    long start = System.nanoTime();
    List<RemediationRequest> done;
    try {
      for (int i = 0; i < 20; i++) {
        String scenario = i % 4 == 0 ? "recovery" : i % 4 == 1 ? "approval" : "success";
        String name = String.format("fault-%02d", i);
        stack.create(ReliabilityStack.rr(ns, name, scenario));
        names.add(name);
      }
      done = stack.awaitTerminal(ns, names, Duration.ofMinutes(3));
    } finally {
      dropper.shutdownNow();
      rules.forEach(stack.stack.api().faults()::remove);
    }

    MeterRegistry registry = stack.stack.app().meterRegistry();
    double activityFailures = sum(registry, "temporal_activity_execution_failed");
    double statusConflicts =
        sum(registry, "kubernaut_remediationorchestrator_status_write_conflicts");
    System.out.printf(
        "API faults: 20 RRs terminal in %.1f s; faults injected %s; watches dropped %d times;"
            + " activity attempts failed (retried) %.0f; status write conflicts %.0f%n",
        (System.nanoTime() - start) / 1e9,
        rules.stream().map(r -> r.hits()).toList(),
        drops.get(),
        activityFailures,
        statusConflicts);
    System.out.println(
        "  outcomes: "
            + done.stream()
                .collect(
                    Collectors.groupingBy(
                        r -> r.getStatus().getOverallPhase() + "/" + r.getStatus().getOutcome(),
                        Collectors.counting())));
    assertThat(done)
        .allSatisfy(
            rr -> {
              assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
              assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
            });
    assertThat(rules.stream().mapToInt(FaultRule::hits).sum()).isGreaterThan(20);
    assertThat(drops.get()).isGreaterThan(0);
    assertThat(activityFailures).isGreaterThan(0);
    for (String name : names) {
      assertThat(stack.notificationsByType(ns, name).values()).as(name).allMatch(n -> n == 1L);
    }
  }

  private static double sum(MeterRegistry registry, String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  @SuppressWarnings("unused")
  private static Map<String, Double> all(MeterRegistry registry) {
    return registry.getMeters().stream()
        .filter(m -> m instanceof Counter)
        .collect(
            Collectors.toMap(m -> m.getId().getName(), m -> ((Counter) m).count(), Double::sum));
  }
}
