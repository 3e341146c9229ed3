package ai.kubernaut.orchestrator.harness.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More remediations executing at once than the worker has activity slots. Each one holds its
 * target's lock while it executes, and the lock workflow watches the holder; that watch once held
 * an activity slot for the whole execution, so with more holders than slots nothing else could run
 * (status writes, notifications) and no holder could ever finish.
 */
class WorkerSlotsIT {

  private static final int SLOTS = 4;
  private static final int REMEDIATIONS = 12;

  @RegisterExtension
  static final ReliabilityStack stack =
      ReliabilityStack.perClass("--max-concurrent-activities=" + SLOTS);

  @Test
  void moreRemediationsExecutingThanActivitySlotsAllFinish() {
    String ns = stack.namespace("slots");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < REMEDIATIONS; i++) {
      String name = "slots-" + i;
      stack.create(
          ReliabilityStack.rr(
              ns, name, Map.of(Script.SCENARIO, "success", Script.DELAY, "1s"), Map.of()));
      names.add(name);
    }
    long start = System.nanoTime();

    List<RemediationRequest> done = stack.awaitTerminal(ns, names, Duration.ofSeconds(90));

    System.out.printf(
        "worker slots: %d remediations on %d activity slots all terminal after %.1f s%n",
        REMEDIATIONS, SLOTS, (System.nanoTime() - start) / 1e9);
    assertThat(done)
        .allSatisfy(
            rr -> {
              assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.COMPLETED);
              assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.REMEDIATED);
            });
  }
}
