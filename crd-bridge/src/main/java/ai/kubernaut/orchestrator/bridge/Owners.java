package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the RR a child belongs to: its RemediationRequest ownerReference (name and UID), or, for a
 * NotificationRequest (not owned, so it outlives the RR), the {@code
 * kubernaut.ai/remediation-request} label resolved against the RR informer's cache and label index.
 */
final class Owners {

  /** RR informer index: {@code <namespace>/<label value of the RR name>}. */
  static final String BY_LABEL = "byLabelValue";

  /** Child informer index: {@code <namespace>/<RR name or label value>}. */
  static final String BY_REMEDIATION = "byRemediation";

  private final Informers<RemediationRequest> remediations;

  Owners(Informers<RemediationRequest> remediations) {
    this.remediations = remediations;
  }

  static Map<String, Function<RemediationRequest, List<String>>> remediationIndexers() {
    return Map.of(
        BY_LABEL,
        rr ->
            List.of(
                rr.getMetadata().getNamespace() + "/" + Labels.value(rr.getMetadata().getName())));
  }

  static <T extends HasMetadata> Map<String, Function<T, List<String>>> childIndexers() {
    return Map.of(
        BY_REMEDIATION,
        child ->
            ownerName(child)
                .map(name -> List.of(child.getMetadata().getNamespace() + "/" + name))
                .orElse(List.of()));
  }

  Optional<RemediationRef> of(HasMetadata child) {
    String namespace = child.getMetadata().getNamespace();
    Optional<OwnerReference> owner = ownerReference(child);
    if (owner.isPresent()) {
      return Optional.of(
          new RemediationRef(namespace, owner.get().getName(), owner.get().getUid()));
    }
    String label = label(child);
    if (label == null) {
      return Optional.empty();
    }
    RemediationRequest rr = remediations.get(namespace, label);
    if (rr == null) {
      rr =
          remediations.byIndex(namespace, BY_LABEL, namespace + "/" + label).stream()
              .findFirst()
              .orElse(null);
    }
    return Optional.ofNullable(rr).map(RemediationInputMapper::ref);
  }

  private static Optional<String> ownerName(HasMetadata child) {
    return ownerReference(child)
        .map(OwnerReference::getName)
        .or(() -> Optional.ofNullable(label(child)));
  }

  private static Optional<OwnerReference> ownerReference(HasMetadata child) {
    List<OwnerReference> refs = child.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream()
        .filter(r -> "RemediationRequest".equals(r.getKind()))
        .filter(r -> r.getApiVersion() != null && r.getApiVersion().startsWith(KubernautCrds.GROUP))
        .findFirst();
  }

  private static String label(HasMetadata child) {
    Map<String, String> labels = child.getMetadata().getLabels();
    return labels == null ? null : labels.get(Labels.REMEDIATION_REQUEST);
  }
}
