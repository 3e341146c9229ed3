package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the RemediationRequest a child belongs to and reads its {@link Script}.
 *
 * <p>RRs come from an informer cache, with a direct read as fallback for an RR the cache has not
 * seen yet. The owner is found by the child's controller ownerReference, then {@code
 * spec.remediationRequestRef}, then the {@value Labels#REMEDIATION_REQUEST} label
 * (NotificationRequests are not owned by their RR).
 */
final class RemediationRequests implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RemediationRequests.class);
  private static final int MAX_REPORTED = 10_000;

  private final KubernetesClient client;
  private final ControllerConfig config;
  private final List<SharedIndexInformer<RemediationRequest>> informers = new ArrayList<>();
  private final Set<String> reportedProblems = ConcurrentHashMap.newKeySet();

  RemediationRequests(KubernetesClient client, ControllerConfig config) {
    this.client = client;
    this.config = config;
  }

  /** Starts the RR informers (one for all namespaces, or one per configured namespace). */
  void start() {
    if (config.watchesAllNamespaces()) {
      informers.add(client.resources(RemediationRequest.class).inAnyNamespace().inform());
    } else {
      for (String namespace : config.namespaces()) {
        informers.add(client.resources(RemediationRequest.class).inNamespace(namespace).inform());
      }
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  /** The name of the RR that {@code child} belongs to, if the child says. */
  static Optional<String> ownerName(HasMetadata child, ObjectReference specRef) {
    List<OwnerReference> owners = child.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (OwnerReference owner : owners) {
        if ("RemediationRequest".equals(owner.getKind())
            && owner.getApiVersion() != null
            && owner.getApiVersion().startsWith(KubernautCrds.GROUP + "/")) {
          return Optional.ofNullable(owner.getName());
        }
      }
    }
    if (specRef != null && specRef.getName() != null && !specRef.getName().isEmpty()) {
      return Optional.of(specRef.getName());
    }
    Map<String, String> labels = child.getMetadata().getLabels();
    if (labels != null && labels.get(Labels.REMEDIATION_REQUEST) != null) {
      return Optional.of(labels.get(Labels.REMEDIATION_REQUEST));
    }
    return Optional.empty();
  }

  /** The RR {@code child} belongs to, from the cache or the API. */
  Optional<RemediationRequest> find(HasMetadata child, ObjectReference specRef) {
    String namespace = child.getMetadata().getNamespace();
    Optional<String> name = ownerName(child, specRef);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String key = Cache.namespaceKeyFunc(namespace, name.get());
    for (SharedIndexInformer<RemediationRequest> informer : informers) {
      RemediationRequest cached = informer.getStore().getByKey(key);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    try {
      return Optional.ofNullable(
          client
              .resources(RemediationRequest.class)
              .inNamespace(namespace)
              .withName(name.get())
              .get());
    } catch (KubernetesClientException e) {
      log.debug("cannot read RemediationRequest {}: {}", key, e.getMessage());
      return Optional.empty();
    }
  }

  /** The script of {@code rr}, logging its problems once per RR and annotation set. */
  Script scriptOf(Optional<RemediationRequest> rr) {
    if (rr.isEmpty()) {
      return Script.defaults();
    }
    Map<String, String> annotations = rr.get().getMetadata().getAnnotations();
    Script script = Script.fromAnnotations(annotations);
    if (!script.problems().isEmpty()) {
      String key = rr.get().getMetadata().getUid() + "/" + script.problems().hashCode();
      if (reportedProblems.size() > MAX_REPORTED) {
        reportedProblems.clear();
      }
      if (reportedProblems.add(key)) {
        log.warn(
            "RemediationRequest {}/{}: ignoring sandbox annotations: {}",
            rr.get().getMetadata().getNamespace(),
            rr.get().getMetadata().getName(),
            String.join("; ", script.problems()));
      }
    }
    return script;
  }
}
