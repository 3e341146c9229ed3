package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.TemporalRef;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
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

  /**
   * Writes {@code status.temporal} unless it already holds these values. An RR without a phase yet
   * also gets {@code overallPhase: Pending} in the same write (its workflow is validating it), with
   * the read's resourceVersion as a precondition so it never overwrites a phase the workflow wrote
   * meanwhile; on that conflict only {@code status.temporal} is written.
   */
  void recordTemporal(RemediationRequest rr, TemporalRef ref) {
    TemporalRef current = rr.getStatus() == null ? null : rr.getStatus().getTemporal();
    if (current != null
        && Objects.equals(current.getWorkflowId(), ref.getWorkflowId())
        && Objects.equals(current.getRunId(), ref.getRunId())
        && Objects.equals(current.getUiURL(), ref.getUiURL())) {
      return;
    }
    boolean noPhase = rr.getStatus() == null || rr.getStatus().getOverallPhase() == null;
    String resourceVersion = rr.getMetadata().getResourceVersion();
    if (noPhase && resourceVersion != null) {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("temporal", ref);
      status.put("overallPhase", RemediationPhase.PENDING.value());
      try {
        patchStatus(
            rr, Map.of("metadata", Map.of("resourceVersion", resourceVersion), "status", status));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        // changed since our read (the workflow may have written its first phase): temporal only
      }
    }
    patchStatus(rr, Map.of("status", Map.of("temporal", ref)));
  }

  private void patchStatus(RemediationRequest rr, Map<String, Object> body) {
    String patch = client.getKubernetesSerialization().asJson(body);
    try {
      resource(rr).status().patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /** Deletes the RR; false when it was already gone. */
  boolean delete(RemediationRequest rr) {
    return !resource(rr).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete().isEmpty();
  }

  private Resource<RemediationRequest> resource(RemediationRequest rr) {
    return resource(rr.getMetadata().getNamespace(), rr.getMetadata().getName());
  }

  private Resource<RemediationRequest> resource(String namespace, String name) {
    return client.resources(RemediationRequest.class).inNamespace(namespace).withName(name);
  }
}
