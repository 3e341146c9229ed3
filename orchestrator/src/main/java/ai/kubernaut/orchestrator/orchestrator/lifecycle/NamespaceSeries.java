package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.metrics.SeriesAtZero;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/**
 * Registers the per-namespace series at 0 when the RR cache first sees an RR in a namespace: long
 * before that RR's first status write or timeout.
 */
final class NamespaceSeries implements ResourceEventHandler<RemediationRequest> {

  private final SeriesAtZero zeros;

  NamespaceSeries(SeriesAtZero zeros) {
    this.zeros = zeros;
  }

  @Override
  public void onAdd(RemediationRequest rr) {
    zeros.namespace(rr.getMetadata().getNamespace());
  }

  @Override
  public void onUpdate(RemediationRequest oldRr, RemediationRequest newRr) {}

  @Override
  public void onDelete(RemediationRequest rr, boolean deletedFinalStateUnknown) {}
}
