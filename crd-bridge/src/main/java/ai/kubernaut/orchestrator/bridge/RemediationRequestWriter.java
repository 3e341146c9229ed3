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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

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
    return changeFinalizers(rr, true);
  }

  void removeFinalizer(RemediationRequest rr) {
    changeFinalizers(rr, false);
  }

  /**
   * One merge patch of {@code metadata.finalizers} from the informer's copy, with its
   * resourceVersion as a precondition so no other finalizer added meanwhile is dropped; only when
   * that copy is stale (409) is the RR read and edited. Null when the RR is gone.
   */
  private RemediationRequest changeFinalizers(RemediationRequest rr, boolean present) {
    String resourceVersion = rr.getMetadata().getResourceVersion();
    try {
      if (resourceVersion != null) {
        List<String> finalizers =
            rr.getMetadata().getFinalizers() == null
                ? new ArrayList<>()
                : new ArrayList<>(rr.getMetadata().getFinalizers());
        finalizers.remove(RemediationRequest.FINALIZER);
        if (present) {
          finalizers.add(RemediationRequest.FINALIZER);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", resourceVersion);
        // null removes the field (merge patch); an empty list is what the server stores then
        metadata.put("finalizers", finalizers.isEmpty() ? null : finalizers);
        try {
          return item(rr)
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  // fabric8's serializer leaves nulls out, which would make "remove the last
                  // finalizer" a no-op: plain Jackson keeps them
                  JsonMapper.shared().writeValueAsString(Map.of("metadata", metadata)));
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
        }
      }
      return resource(rr)
          .edit(
              current -> {
                if (present) {
                  current.addFinalizer(RemediationRequest.FINALIZER);
                } else {
                  current.removeFinalizer(RemediationRequest.FINALIZER);
                }
                return current;
              });
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
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
      item(rr).status().patch(PatchContext.of(PatchType.JSON_MERGE), patch);
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

  /** Operations on the RR named by {@code rr} that send no read first (fabric8 reads by name). */
  private Resource<RemediationRequest> item(RemediationRequest rr) {
    return client
        .resources(RemediationRequest.class)
        .inNamespace(rr.getMetadata().getNamespace())
        .resource(rr);
  }

  private Resource<RemediationRequest> resource(RemediationRequest rr) {
    return resource(rr.getMetadata().getNamespace(), rr.getMetadata().getName());
  }

  private Resource<RemediationRequest> resource(String namespace, String name) {
    return client.resources(RemediationRequest.class).inNamespace(namespace).withName(name);
  }
}
