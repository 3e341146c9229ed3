package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads shared by the activities: the RR (typed, UID-checked) and generic access to any kubernaut
 * kind for status writes that must keep fields this version does not model.
 */
final class KubeResources {

  private final KubernetesClient client;
  private final RemediationLookup cache;

  KubeResources(KubernetesClient client) {
    this(client, RemediationLookup.NONE);
  }

  KubeResources(KubernetesClient client, RemediationLookup cache) {
    this.client = Objects.requireNonNull(client, "client");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  KubernetesClient client() {
    return client;
  }

  KubernetesSerialization serialization() {
    return client.getKubernetesSerialization();
  }

  /**
   * The RR, or null when it is gone: deleted, or replaced by a new RR with the same name (a
   * different UID is a different remediation).
   */
  RemediationRequest findRemediation(RemediationRef ref) {
    RemediationRequest cached = cache.cached(ref.namespace(), ref.name());
    if (cached != null && ref.uid() != null && ref.uid().equals(cached.getMetadata().getUid())) {
      return serialization().clone(cached); // a copy: callers may modify what they get
    }
    RemediationRequest rr;
    try {
      rr =
          client
              .resources(RemediationRequest.class)
              .inNamespace(ref.namespace())
              .withName(ref.name())
              .get();
    } catch (KubernetesClientException e) {
      throw KubeFailures.classify(e, "read RemediationRequest " + display(ref));
    }
    return rr != null && sameUid(ref, rr) ? rr : null;
  }

  /** The RR; a non-retryable {@link FailureTypes#REMEDIATION_REQUEST_GONE} when it is gone. */
  RemediationRequest requireRemediation(RemediationRef ref) {
    RemediationRequest rr = findRemediation(ref);
    if (rr == null) {
      throw gone(ref);
    }
    return rr;
  }

  /** Typed read of a child; null when it does not exist. */
  <T extends HasMetadata> T find(Class<T> kind, String namespace, String name) {
    try {
      return client.resources(kind).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw KubeFailures.classify(e, "read " + kind.getSimpleName() + " " + namespace + "/" + name);
    }
  }

  /** Generic operations on a kubernaut kind: status writes keep fields the model lacks. */
  MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      generic(Class<? extends HasMetadata> kind) {
    return client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(kind));
  }

  /** The status of a generic object as a mutable map (empty when it has none). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> statusOf(GenericKubernetesResource object) {
    Object status = object.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m)
        : new LinkedHashMap<>();
  }

  static boolean sameUid(RemediationRef ref, HasMetadata object) {
    return ref.uid() == null || ref.uid().equals(object.getMetadata().getUid());
  }

  static ApplicationFailure gone(RemediationRef ref) {
    return ApplicationFailure.newNonRetryableFailure(
        "RemediationRequest " + display(ref) + " (uid " + ref.uid() + ") no longer exists",
        FailureTypes.REMEDIATION_REQUEST_GONE);
  }

  static String display(RemediationRef ref) {
    return ref.namespace() + "/" + ref.name();
  }
}
