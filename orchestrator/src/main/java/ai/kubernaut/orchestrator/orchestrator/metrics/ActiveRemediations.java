package ai.kubernaut.orchestrator.orchestrator.metrics;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.workflows.WorkflowMetrics;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code kubernaut_remediationorchestrator_active_remediations{phase}}: the RRs not yet in a
 * terminal phase, by {@code status.overallPhase} (an RR without one counts as Pending), counted at
 * each scrape from an informer cache of every RR, so Temporal is never scanned. Every replica keeps
 * that cache and reports the same cluster-wide figures: read them with {@code max by (phase)}. NaN
 * until the cache has synced.
 */
public final class ActiveRemediations {

  public static final String NAME = WorkflowMetrics.PREFIX + "active_remediations";

  /** The phases of a remediation still in progress, each one series. */
  public static final List<RemediationPhase> PHASES =
      Arrays.stream(RemediationPhase.values())
          .filter(p -> !p.isTerminal() && p != RemediationPhase.UNKNOWN)
          .toList();

  private final Supplier<List<RemediationRequest>> remediations;
  private final BooleanSupplier synced;

  /** Reads {@code remediations} at each scrape, once {@code synced}. */
  public ActiveRemediations(
      Supplier<List<RemediationRequest>> remediations, BooleanSupplier synced) {
    this.remediations = remediations;
    this.synced = synced;
  }

  /** Registers one gauge per non-terminal phase, read from {@code cache}. */
  public static void register(
      MeterRegistry registry, SharedIndexInformer<RemediationRequest> cache) {
    new ActiveRemediations(() -> cache.getStore().list(), cache::hasSynced).register(registry);
  }

  public void register(MeterRegistry registry) {
    for (RemediationPhase phase : PHASES) {
      Gauge.builder(NAME, this, a -> a.count(phase))
          .description("RemediationRequests in a non-terminal phase, from the RR cache")
          .tag("phase", phase.value())
          .register(registry);
    }
  }

  double count(RemediationPhase phase) {
    if (!synced.getAsBoolean()) {
      return Double.NaN;
    }
    return remediations.get().stream().filter(rr -> phaseOf(rr) == phase).count();
  }

  private static RemediationPhase phaseOf(RemediationRequest rr) {
    if (rr.getStatus() == null || rr.getStatus().getOverallPhase() == null) {
      return RemediationPhase.PENDING;
    }
    return rr.getStatus().getOverallPhase();
  }
}
