package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.activities.ActivityMetrics;
import ai.kubernaut.orchestrator.activities.ChildActivitiesImpl;
import ai.kubernaut.orchestrator.activities.ChildLookup;
import ai.kubernaut.orchestrator.activities.ClusterActivitiesImpl;
import ai.kubernaut.orchestrator.activities.NotificationActivitiesImpl;
import ai.kubernaut.orchestrator.activities.RemediationLookup;
import ai.kubernaut.orchestrator.activities.StatusActivitiesImpl;
import ai.kubernaut.orchestrator.activities.ValidationActivitiesImpl;
import ai.kubernaut.orchestrator.activities.kube.TemporalUi;
import ai.kubernaut.orchestrator.activities.routing.RoutingActivitiesImpl;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.bridge.BridgeActivities;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.metrics.ActiveRemediations;
import ai.kubernaut.orchestrator.orchestrator.metrics.SeriesAtZero;
import ai.kubernaut.orchestrator.workflows.RemediationSearchAttributes;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflowHosting;
import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.ClusterActivities;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.temporal.api.enums.v1.IndexedValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The production service, wired by hand: the RR cache the termination-rate activity and the
 * active-remediations gauge read, the Temporal worker (RemediationWorkflow and every activity),
 * then the CRD bridge, and the Gateway when configured ({@code run --gateway}, the sandbox).
 */
public final class ProductionWiring implements Wiring {

  /** The activity interfaces registered below, for the series of their types. */
  static final List<Class<?>> ACTIVITY_INTERFACES =
      List.of(
          ValidationActivities.class,
          ChildActivities.class,
          NotificationActivities.class,
          StatusActivities.class,
          ClusterActivities.class,
          RoutingActivities.class);

  /** The interfaces the workflow calls as local activities (change {@code local-writes}). */
  static final List<Class<?>> LOCAL_ACTIVITY_INTERFACES =
      List.of(ValidationActivities.class, NotificationActivities.class, StatusActivities.class);

  @Override
  public Map<String, IndexedValueType> searchAttributes() {
    return RemediationSearchAttributes.DEFINITIONS;
  }

  @Override
  public List<ManagedComponent> components(RuntimeContext context) {
    OrchestratorConfig config = context.config();
    KubernetesClient kube = context.kubernetesClient();
    ActivityMetrics metrics = new ActivityMetrics(context.meterRegistry());
    SharedIndexInformer<RemediationRequest> remediationCache =
        ClusterActivitiesImpl.informer(kube, config.bridge().resyncPeriod().toMillis());
    RemediationLookup cachedRemediations = RemediationLookup.of(remediationCache);
    ActiveRemediations.register(context.meterRegistry(), remediationCache);
    SeriesAtZero zeros =
        new SeriesAtZero(
            context.meterRegistry(), config.temporal().namespace(), config.temporal().taskQueue());
    zeros.worker(ACTIVITY_INTERFACES, LOCAL_ACTIVITY_INTERFACES);
    List<String> watched = config.kubernetes().watchNamespaces();
    (watched.isEmpty() ? List.of(SeriesAtZero.NO_NAMESPACE_YET) : watched)
        .forEach(zeros::namespace);
    remediationCache.addEventHandler(new NamespaceSeries(zeros));
    TemporalUi ui =
        config.temporal().uiBaseUrl() == null
            ? TemporalUi.none()
            : new TemporalUi(config.temporal().uiBaseUrl(), config.temporal().namespace());
    StatusActivitiesImpl statusWriter =
        new StatusActivitiesImpl(kube, context.clock(), metrics, ui, cachedRemediations);
    // the bridge is built after the activities it calls; its child cache is read once it leads
    AtomicReference<BridgeComponent> bridge = new AtomicReference<>();
    ChildLookup leaderCache =
        new ChildLookup() {
          @Override
          public <T extends HasMetadata> T cached(Class<T> type, String namespace, String name) {
            BridgeComponent b = bridge.get();
            return b == null ? null : b.cachedChild(type, namespace, name);
          }
        };
    ChildActivitiesImpl children =
        new ChildActivitiesImpl(kube, context.clock(), metrics, cachedRemediations, leaderCache);
    NotificationActivitiesImpl notifications =
        new NotificationActivitiesImpl(kube, metrics, cachedRemediations);
    TemporalWorkerComponent worker =
        new TemporalWorkerComponent(
            context.workflowClient(),
            config.temporal().taskQueue(),
            config.worker(),
            w -> {
              RemediationWorkflowHosting.register(w);
              w.registerActivitiesImplementations(
                  new ValidationActivitiesImpl(kube, cachedRemediations),
                  children,
                  notifications,
                  statusWriter,
                  new ClusterActivitiesImpl(remediationCache, context.clock()),
                  new RoutingActivitiesImpl(context.workflowClient()));
            });
    List<ManagedComponent> components = new ArrayList<>();
    components.add(new InformerComponent("remediation cache", remediationCache));
    components.add(worker);
    bridge.set(
        new BridgeComponent(context, new BridgeActivities(statusWriter, children, notifications)));
    components.add(bridge.get());
    if (config.gateway() != null) {
      // last: signals are taken only once the worker and the bridge can act on them
      components.add(
          new GatewayComponent(config.gateway(), kube, context.meterRegistry(), context.clock()));
    }
    return components;
  }
}
