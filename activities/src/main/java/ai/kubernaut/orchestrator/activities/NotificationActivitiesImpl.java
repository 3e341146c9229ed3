package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.activities.kube.ChildWriter;
import ai.kubernaut.orchestrator.activities.kube.NotificationRequestFactory;
import ai.kubernaut.orchestrator.activities.kube.Written;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one NotificationRequest per order, idempotent by its deterministic name: an existing one
 * is returned as it is. Not owned by the RR (it outlives it for audit), but labelled with it. The
 * RR is read only for its cluster ID; a notification is still created when the RR is already gone
 * (the final notification of a deleted RR).
 */
public final class NotificationActivitiesImpl implements NotificationActivities {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final KubeResources kube;
  private final ChildWriter writer;
  private final ActivityMetrics metrics;

  public NotificationActivitiesImpl(KubernetesClient client, ActivityMetrics metrics) {
    this(client, metrics, RemediationLookup.NONE);
  }

  /** With {@code cache} consulted before reading an RR from the API server. */
  public NotificationActivitiesImpl(
      KubernetesClient client, ActivityMetrics metrics, RemediationLookup cache) {
    this.kube = new KubeResources(client, cache);
    this.writer = new ChildWriter(client);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public NotificationRef createNotification(NotificationOrder order) {
    RemediationRequest rr = kube.findRemediation(order.rr());
    String cluster = rr == null || rr.getSpec() == null ? null : rr.getSpec().getClusterID();
    NotificationRequest desired = NotificationRequestFactory.desired(order, cluster);
    Written<NotificationRequest> written = writer.createOrAdopt(desired, null);
    metrics.notification(order.type().name(), written.outcome().tag());
    LOG.info(
        "{} NotificationRequest {} ({})",
        written.existed() ? "found" : "created",
        desired.getMetadata().getName(),
        order.type());
    return new NotificationRef(order.type(), desired.getMetadata().getName(), written.uid());
  }
}
