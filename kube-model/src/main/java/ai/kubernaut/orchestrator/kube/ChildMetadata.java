package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Metadata every object the orchestrator creates for an RR carries: owner, labels, references. */
public final class ChildMetadata {

  /** Annotation on a WorkflowExecution: which attempt (1 = initial) it is. */
  public static final String ATTEMPT_ANNOTATION = "kubernaut.ai/attempt-number";

  private ChildMetadata() {}

  /** The controller ownerReference to {@code rr}: GC deletes the child with it. */
  public static OwnerReference controllerRef(RemediationRequest rr) {
    return new OwnerReferenceBuilder()
        .withApiVersion(rr.getApiVersion())
        .withKind(rr.getKind())
        .withName(rr.getMetadata().getName())
        .withUid(rr.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Metadata of a child controlled by {@code rr}. */
  public static ObjectMeta ownedMeta(RemediationRequest rr, String name) {
    return new ObjectMetaBuilder(unownedMeta(rr, name))
        .withOwnerReferences(controllerRef(rr))
        .build();
  }

  /** Metadata of an object that belongs to {@code rr} but outlives it (NotificationRequest). */
  public static ObjectMeta unownedMeta(RemediationRequest rr, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(rr.getMetadata().getNamespace())
        .withLabels(labels(rr.getMetadata().getName()))
        .build();
  }

  /** {@code kubernaut.ai/remediation-request=<rr>}, the value made label-safe. */
  public static Map<String, String> labels(String rrName) {
    return Labels.forRemediationRequest(rrName);
  }

  /** spec.remediationRequestRef of a child. */
  public static ObjectReference rrRef(RemediationRequest rr) {
    return ref(rr);
  }

  /** A full object reference (apiVersion, kind, namespace, name, uid) to {@code object}. */
  public static ObjectReference ref(HasMetadata object) {
    return new ObjectReferenceBuilder()
        .withApiVersion(object.getApiVersion())
        .withKind(object.getKind())
        .withNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .withUid(object.getMetadata().getUid())
        .build();
  }

  /** A reference by name to a kubernaut.ai object in {@code namespace} (uid may be null). */
  public static ObjectReference ref(String kind, String namespace, String name, String uid) {
    return new ObjectReferenceBuilder()
        .withApiVersion(ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds.API_VERSION)
        .withKind(kind)
        .withNamespace(namespace)
        .withName(name)
        .withUid(uid)
        .build();
  }

  /** RFC 3339 in UTC, to the second, as Kubernetes writes timestamps; null stays null. */
  public static String rfc3339(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
