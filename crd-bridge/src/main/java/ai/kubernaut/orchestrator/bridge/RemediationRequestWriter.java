package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.TemporalRef;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Objects;

/**
 * The bridge's only writes to an RR: its finalizer, {@code status.temporal} (a merge patch on the
 * status subresource touching nothing else) and the retention delete. An RR that is already gone is
 * not an error.
 */
final class RemediationRequestWriter {

  private final KubernetesClient client;

  RemediationRequestWriter(KubernetesClient client) {
    this.client = client;
  }

  /** A fresh read, or null when the RR is gone. */
  RemediationRequest get(String namespace, String name) {
    return resource(namespace, name).get();
  }

  /** Adds the orchestrator's finalizer; returns the updated RR, or null when it is gone. */
  RemediationRequest addFinalizer(RemediationRequest rr) {
    try {
      return resource(rr)
          .edit(
              current -> {
                current.addFinalizer(RemediationRequest.FINALIZER);
                return current;
              });
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  void removeFinalizer(RemediationRequest rr) {
    try {
      resource(rr)
          .edit(
              current -> {
                current.removeFinalizer(RemediationRequest.FINALIZER);
                return current;
              });
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /** Writes {@code status.temporal} unless it already holds these values. */
  void recordTemporal(RemediationRequest rr, TemporalRef ref) {
    TemporalRef current = rr.getStatus() == null ? null : rr.getStatus().getTemporal();
    if (current != null
        && Objects.equals(current.getWorkflowId(), ref.getWorkflowId())
        && Objects.equals(current.getRunId(), ref.getRunId())
        && Objects.equals(current.getUiURL(), ref.getUiURL())) {
      return;
    }
    String patch =
        client.getKubernetesSerialization().asJson(Map.of("status", Map.of("temporal", ref)));
    try {
      resource(rr).status().patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  void delete(RemediationRequest rr) {
    resource(rr).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
  }

  private Resource<RemediationRequest> resource(RemediationRequest rr) {
    return resource(rr.getMetadata().getNamespace(), rr.getMetadata().getName());
  }

  private Resource<RemediationRequest> resource(String namespace, String name) {
    return client.resources(RemediationRequest.class).inNamespace(namespace).withName(name);
  }
}
