package ai.kubernaut.orchestrator.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ActiveRemediationsTest {

  private final List<RemediationRequest> cache = new ArrayList<>();
  private final AtomicBoolean synced = new AtomicBoolean(true);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void countsNonTerminalRrsByPhaseAtEachReadAndNoTerminalPhase() {
    new ActiveRemediations(() -> List.copyOf(cache), synced::get).register(registry);
    cache.add(rr(null));
    cache.add(rr(RemediationPhase.EXECUTING));
    cache.add(rr(RemediationPhase.EXECUTING));
    cache.add(rr(RemediationPhase.AWAITING_APPROVAL));
    cache.add(rr(RemediationPhase.COMPLETED));
    cache.add(rr(RemediationPhase.TIMED_OUT));

    assertThat(value("Pending")).isEqualTo(1);
    assertThat(value("Executing")).isEqualTo(2);
    assertThat(value("AwaitingApproval")).isEqualTo(1);
    assertThat(value("Processing")).isZero();
    assertThat(registry.find(ActiveRemediations.NAME).gauges())
        .extracting(g -> g.getId().getTag("phase"))
        .containsExactlyInAnyOrder(
            "Pending",
            "Processing",
            "Analyzing",
            "AwaitingApproval",
            "Executing",
            "Recovering",
            "Blocked");

    cache.remove(1);
    assertThat(value("Executing")).isEqualTo(1);
  }

  @Test
  void isUnknownUntilTheCacheHasSynced() {
    synced.set(false);
    new ActiveRemediations(() -> List.copyOf(cache), synced::get).register(registry);

    assertThat(value("Pending")).isNaN();
  }

  private double value(String phase) {
    return registry.get(ActiveRemediations.NAME).tag("phase", phase).gauge().value();
  }

  private static RemediationRequest rr(RemediationPhase phase) {
    RemediationRequest rr = new RemediationRequest();
    if (phase != null) {
      RemediationRequestStatus status = new RemediationRequestStatus();
      status.setOverallPhase(phase);
      rr.setStatus(status);
    }
    return rr;
  }
}
