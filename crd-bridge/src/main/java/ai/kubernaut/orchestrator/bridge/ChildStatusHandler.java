package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.logging.RemediationMdc;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child informer callbacks: map, then hand the signal to the signal queue. Runs on the informer
 * thread, so it never calls Kubernetes or Temporal and never throws.
 */
final class ChildStatusHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ChildStatusHandler.class);

  private final Owners owners;
  private final WorkflowSignaller signaller;
  private final BridgeMetrics metrics;

  ChildStatusHandler(Owners owners, WorkflowSignaller signaller, BridgeMetrics metrics) {
    this.owners = owners;
    this.signaller = signaller;
    this.metrics = metrics;
  }

  @Override
  public void onAdd(T child) {
    handle(null, child, "add");
  }

  @Override
  public void onUpdate(T oldChild, T newChild) {
    handle(oldChild, newChild, "update");
  }

  @Override
  public void onDelete(T child, boolean finalStateUnknown) {
    LOG.debug("{} {} deleted", child.getKind(), child.getMetadata().getName());
  }

  private void handle(T oldChild, T newChild, String event) {
    ChildKind kind = SignalMapper.kindOf(newChild);
    Optional<RemediationRef> owner = owners.of(newChild);
    String rrName = owner.map(RemediationRef::name).orElse(null);
    try (RemediationMdc ignored =
        RemediationMdc.put(newChild.getMetadata().getNamespace(), rrName, kind + "." + event)) {
      SignalMapper.Decision decision = SignalMapper.decide(oldChild, newChild);
      if (!decision.isSignal()) {
        metrics.signalFiltered(kind, decision.dropped());
      } else if (owner.isEmpty()) {
        metrics.signalFiltered(kind, BridgeMetrics.FilterReason.ORPHAN);
        LOG.debug("{} {} has no RemediationRequest", kind, newChild.getMetadata().getName());
      } else {
        signaller.submit(owner.get(), decision.status());
      }
    } catch (RuntimeException e) {
      LOG.warn("{} {} event dropped: {}", kind, newChild.getMetadata().getName(), e.toString());
    }
  }
}
