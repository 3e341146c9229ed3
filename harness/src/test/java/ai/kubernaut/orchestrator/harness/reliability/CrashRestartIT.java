package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100 remediations in flight, the orchestrator (worker + bridge) stopped with a 1 s grace period
 * and a new one started against the same Temporal server and API stand-in: everything ends as
 * scripted, with one child per name, one notification per type and RR, and no status regression.
 */
class CrashRestartIT {

  @RegisterExtension static final ReliabilityStack stack = ReliabilityStack.perClass();

  @Test
  void remediationsInFlightFinishAfterTheOrchestratorIsReplaced() throws Exception {
    String ns = stack.namespace("crash");
    List<String> names = new ArrayList<>();
    Map<String, Integer> expectedAttempts = new java.util.HashMap<>();
    for (int i = 0; i < 100; i++) {
      String scenario = i % 5 == 0 ? "recovery" : i % 5 == 1 ? "approval" : "success";
      String name = String.format("crash-%03d", i);
      stack.create(
          ReliabilityStack.rr(
              ns, name, Map.of(Script.SCENARIO, scenario, Script.DELAY, "300ms"), Map.of()));
      names.add(name);
      expectedAttempts.put(name, scenario.equals("recovery") ? 1 : 0);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> countPickedUp(ns, names) >= 50);
    long terminalBefore =
        names.stream().filter(n -> ReliabilityStack.terminal(stack.get(ns, n))).count();
    long start = System.nanoTime();

    stack.stack.stopOrchestrator();
    long stopped = System.nanoTime();
    stack.stack.startOrchestrator();
    List<RemediationRequest> done = stack.awaitTerminal(ns, names, Duration.ofMinutes(3));

    System.out.printf(
        "crash/restart: %d of 100 terminal at the stop, stop took %.1f s, all 100 terminal %.1f s"
            + " after the restart%n",
        terminalBefore, (stopped - start) / 1e9, (System.nanoTime() - stopped) / 1e9);
    assertThat(terminalBefore).isLessThan(100);
    Map<String, Long> outcomes =
        done.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getStatus().getOverallPhase() + "/" + r.getStatus().getOutcome(),
                    Collectors.counting()));
    System.out.println("  outcomes: " + outcomes);
    int children = 0;
    int notifications = 0;
    for (RemediationRequest rr : done) {
      String name = rr.getMetadata().getName();
      assertThat(rr.getStatus().getOverallPhase()).as(name).isEqualTo(RemediationPhase.COMPLETED);
      assertThat(rr.getStatus().getOutcome()).as(name).isEqualTo(RemediationOutcome.REMEDIATED);
      assertThat(
              rr.getStatus().getRecoveryAttempts() == null
                  ? 0
                  : rr.getStatus().getRecoveryAttempts())
          .as(name)
          .isEqualTo(expectedAttempts.get(name));
      List<GenericKubernetesResource> kids = stack.children(ns, name);
      children += kids.size();
      Map<String, Long> byKind =
          kids.stream()
              .collect(
                  Collectors.groupingBy(GenericKubernetesResource::getKind, Collectors.counting()));
      int attempts = expectedAttempts.get(name);
      assertThat(byKind.get("SignalProcessing")).as(name).isEqualTo(1L);
      assertThat(byKind.get("AIAnalysis")).as(name).isEqualTo(1L + attempts);
      assertThat(byKind.get("WorkflowExecution")).as(name).isEqualTo(1L + attempts);
      assertThat(kids.stream().map(k -> k.getMetadata().getName()))
          .as(name)
          .noneMatch(n -> n.contains("-retry-"));
      Map<String, Long> nrs = stack.notificationsByType(ns, name);
      notifications += nrs.values().stream().mapToLong(Long::longValue).sum();
      assertThat(nrs).as(name).containsEntry("Completion", 1L);
      assertThat(nrs.values()).as(name).allMatch(n -> n == 1L);
      stack.assertNeverRegressed(ns, name);
    }
    System.out.printf(
        "  %d children and %d notifications for 100 RRs, none duplicated; %d status updates"
            + " watched, none regressed%n",
        children, notifications, names.stream().mapToInt(n -> stack.history(ns, n).size()).sum());
  }

  private static long countPickedUp(String ns, List<String> names) {
    return names.stream()
        .map(n -> stack.get(ns, n))
        .filter(
            r ->
                r != null
                    && r.getStatus() != null
                    && r.getStatus().getOverallPhase() != null
                    && r.getStatus().getOverallPhase() != RemediationPhase.PENDING)
        .count();
  }
}
