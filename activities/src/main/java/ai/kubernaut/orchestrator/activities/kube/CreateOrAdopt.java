package ai.kubernaut.orchestrator.activities.kube;

import ai.kubernaut.orchestrator.activities.KubeFailures;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.temporal.failure.ApplicationFailure;
import java.util.Objects;

/**
 * The one create-or-adopt helper: every child and NotificationRequest is written through it.
 *
 * <p>It creates first (one request in the common case). A 409 AlreadyExists is not an error: the
 * existing object is read and, when it is controlled by the expected owner (same UID), adopted as
 * it is; its spec is never rewritten, because the child's own controller may already be acting on
 * it. An object controlled by anyone else (or by no one, e.g. left behind by an RR of the same name
 * deleted with orphan propagation) fails non-retryably with {@link
 * FailureTypes#CHILD_OWNED_BY_OTHER}. Objects written without an expected owner
 * (NotificationRequests) are returned as they are ({@link WriteOutcome#UNCHANGED}).
 */
public final class CreateOrAdopt {

  private final KubernetesClient client;

  public CreateOrAdopt(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Creates {@code desired}, or returns the existing object with its name.
   *
   * @param expectedController the controller ownerReference {@code desired} carries; null for
   *     objects that are not owned
   */
  public <T extends HasMetadata> Written<T> createOrAdopt(
      T desired, OwnerReference expectedController) {
    String what = describe(desired);
    try {
      return new Written<>(client.resource(desired).create(), WriteOutcome.CREATED);
    } catch (KubernetesClientException e) {
      if (!KubeFailures.isConflict(e)) {
        throw KubeFailures.classify(e, "create " + what);
      }
    }
    T existing;
    try {
      existing = client.resource(desired).get();
    } catch (KubernetesClientException e) {
      throw KubeFailures.classify(e, "read existing " + what);
    }
    if (existing == null) {
      // deleted between our create and our read: a retry creates it
      throw new IllegalStateException(what + " disappeared while being adopted; retrying");
    }
    if (expectedController == null) {
      return new Written<>(existing, WriteOutcome.UNCHANGED);
    }
    OwnerReference controller = controllerOf(existing);
    if (controller != null && expectedController.getUid().equals(controller.getUid())) {
      return new Written<>(existing, WriteOutcome.ADOPTED);
    }
    throw ApplicationFailure.newNonRetryableFailure(
        what
            + " already exists and is controlled by "
            + describe(controller)
            + ", not by "
            + describe(expectedController),
        FailureTypes.CHILD_OWNED_BY_OTHER);
  }

  /** The ownerReference with controller=true, or null. */
  public static OwnerReference controllerOf(HasMetadata object) {
    if (object.getMetadata() == null || object.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    return object.getMetadata().getOwnerReferences().stream()
        .filter(ref -> Boolean.TRUE.equals(ref.getController()))
        .findFirst()
        .orElse(null);
  }

  private static String describe(HasMetadata object) {
    return object.getKind()
        + " "
        + object.getMetadata().getNamespace()
        + "/"
        + object.getMetadata().getName();
  }

  private static String describe(OwnerReference owner) {
    if (owner == null) {
      return "no controller";
    }
    return owner.getKind() + " " + owner.getName() + " (uid " + owner.getUid() + ")";
  }
}
