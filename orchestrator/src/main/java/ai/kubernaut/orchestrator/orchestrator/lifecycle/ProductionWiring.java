package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.List;
import java.util.Map;

/**
 * The production service: the Temporal worker, then the CRD bridge.
 *
 * <p>Integration points (filled in when the workflows, activities and crd-bridge modules land):
 *
 * <ul>
 *   <li>{@link #searchAttributes()}: return {@code RemediationSearchAttributes} from the workflows
 *       module.
 *   <li>worker registrations: {@code worker.registerWorkflowImplementationTypes(
 *       RemediationWorkflowImpl.class)} and {@code worker.registerActivitiesImplementations(...)}
 *       with the activity impls built from {@code context.kubernetesClient()}, {@code
 *       context.clock()} and {@code OrchestratorMetrics} on {@code context.meterRegistry()}.
 *   <li>the bridge: a {@link ManagedComponent} after the worker, built from {@code
 *       context.workflowClient()}, {@code context.kubernetesClient()}, {@code
 *       context.config().bridge()} / {@code kubernetes()} / {@code remediationSettings()}; its
 *       {@code stop} releases the Lease, its readiness checks report informers synced.
 * </ul>
 */
public final class ProductionWiring implements Wiring {

  @Override
  public Map<String, IndexedValueType> searchAttributes() {
    return Map.of();
  }

  @Override
  public List<ManagedComponent> components(RuntimeContext context) {
    TemporalWorkerComponent worker =
        new TemporalWorkerComponent(
            context.workflowClient(),
            context.config().temporal().taskQueue(),
            context.config().worker(),
            w -> {});
    return List.of(worker);
  }
}
