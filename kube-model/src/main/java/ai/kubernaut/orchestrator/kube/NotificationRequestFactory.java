package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPriority;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The desired NotificationRequest for an order: named {@code nr-<type>-<rr>} ({@code
 * nr-bulk-<rr>}), labelled with the RR but not owned by it (it outlives the RR for audit), with the
 * text from {@link NotificationContent}. Built from the order alone, so a notification can still be
 * sent after the RR is gone.
 */
public final class NotificationRequestFactory {

  public static final String RR_KIND = "RemediationRequest";

  private NotificationRequestFactory() {}

  public static String name(NotificationOrder order) {
    if (order.retryOf() != null) {
      return ChildNames.withRetry(order.retryOf(), 1);
    }
    return order.bulk()
        ? ChildNames.bulkNotification(order.rr().name())
        : ChildNames.notification(type(order), order.rr().name());
  }

  /**
   * The name of this RR incarnation's notification when {@code taken} belongs to an earlier RR of
   * the same name: {@code <taken>-<first 8 of the RR UID>}, shortened to stay a valid name.
   */
  public static String incarnationName(String taken, NotificationOrder order) {
    String uid = order.rr().uid().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String suffix = "-" + uid.substring(0, Math.min(8, uid.length()));
    String head = taken;
    if (head.length() + suffix.length() > MAX_NAME) {
      head = head.substring(0, MAX_NAME - suffix.length()).replaceAll("[^a-z0-9]+$", "");
    }
    return head + suffix;
  }

  private static final int MAX_NAME = 253;

  /**
   * @param cluster the RR's spec.clusterID when known (null: local or unknown)
   */
  public static NotificationRequest desired(NotificationOrder order, String cluster) {
    NotificationContent content = NotificationContent.of(order, cluster);
    NotificationRequestSpec spec = new NotificationRequestSpec();
    spec.setType(type(order));
    spec.setPriority(NotificationPriority.fromValue(content.priority().name()));
    spec.setSubject(content.subject());
    spec.setBody(content.body());
    spec.setRemediationRequestRef(
        ChildMetadata.ref(RR_KIND, order.rr().namespace(), order.rr().name(), order.rr().uid()));
    spec.setMetadata(new LinkedHashMap<>(content.metadata()));

    NotificationRequest nr = new NotificationRequest();
    nr.setMetadata(
        new ObjectMetaBuilder()
            .withName(name(order))
            .withNamespace(order.rr().namespace())
            .withLabels(ChildMetadata.labels(order.rr().name()))
            .build());
    nr.setSpec(spec);
    return nr;
  }

  static NotificationType type(NotificationOrder order) {
    return NotificationType.fromValue(order.type().name());
  }
}
