package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.activities.kube.CreateOrAdopt;
import ai.kubernaut.orchestrator.activities.kube.Written;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.kube.NotificationRequestFactory;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one NotificationRequest per order, idempotent by its deterministic name: an existing one
 * is returned as it is when it carries this RR's UID; one of an earlier RR of the same name is
 * never adopted (this RR's gets a name with its UID). Not owned by the RR (it outlives it for
 * audit), but labelled with it. The RR is read only for its cluster ID; a notification is still
 * created when the RR is already gone (the final notification of a deleted RR).
 */
public final class NotificationActivitiesImpl implements NotificationActivities {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final KubeResources kube;
  private final CreateOrAdopt writer;
  private final ActivityMetrics metrics;

  public NotificationActivitiesImpl(KubernetesClient client, ActivityMetrics metrics) {
    this(client, metrics, RemediationLookup.NONE);
  }

  /** With {@code cache} consulted before reading an RR from the API server. */
  public NotificationActivitiesImpl(
      KubernetesClient client, ActivityMetrics metrics, RemediationLookup cache) {
    this.kube = new KubeResources(client, cache);
    this.writer = new CreateOrAdopt(client);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Whether {@code nr} was created for this RR (its UID); unknown UIDs never match. */
  private static boolean ofThisRemediation(NotificationRequest nr, NotificationOrder order) {
    String want = order.rr().uid();
    if (want == null) {
      return true; // nothing to tell incarnations apart by
    }
    return nr.getSpec() != null
        && nr.getSpec().getRemediationRequestRef() != null
        && want.equals(nr.getSpec().getRemediationRequestRef().getUid());
  }

  @Override
  public NotificationRef createNotification(NotificationOrder order) {
    RemediationRequest rr = kube.findRemediation(order.rr());
    String cluster = rr == null || rr.getSpec() == null ? null : rr.getSpec().getClusterID();
    NotificationRequest desired = NotificationRequestFactory.desired(order, cluster);
    Written<NotificationRequest> written = writer.createOrAdopt(desired, null);
    if (written.existed() && !ofThisRemediation(written.object(), order)) {
      // an NR of an earlier RR of the same name (deleted and created again): never adopted, this
      // incarnation gets its own name, derived from its UID
      String taken = desired.getMetadata().getName();
      desired.getMetadata().setName(NotificationRequestFactory.incarnationName(taken, order));
      written = writer.createOrAdopt(desired, null);
      if (written.existed() && !ofThisRemediation(written.object(), order)) {
        throw new IllegalStateException(
            "NotificationRequest "
                + desired.getMetadata().getName()
                + " belongs to another RemediationRequest; retrying");
      }
      LOG.info(
          "{} belongs to an earlier {}: using {}",
          taken,
          order.rr().name(),
          desired.getMetadata().getName());
    }
    metrics.notification(order.type().name(), written.outcome().tag());
    LOG.info(
        "{} NotificationRequest {} ({})",
        written.existed() ? "found" : "created",
        desired.getMetadata().getName(),
        order.type());
    NotificationRef ref =
        new NotificationRef(order.type(), desired.getMetadata().getName(), written.uid());
    return order.retryOf() == null ? ref : ref.asRetryOf(order.retryOf());
  }
}
