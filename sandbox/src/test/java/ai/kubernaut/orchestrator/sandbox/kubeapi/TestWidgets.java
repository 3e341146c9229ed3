package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Map;
import java.util.UUID;

/** Fixtures for the test CRDs in {@code src/test/resources/crds/widgets.yaml}. */
final class TestWidgets {

  static final String CRDS = "crds/widgets.yaml";
  static final String API_VERSION = "test.kubernaut.ai/v1alpha1";

  private TestWidgets() {}

  static KubernetesApiStandIn startStandIn() {
    return KubernetesApiStandIn.builder().crdResources(CRDS).start();
  }

  static String uniqueNamespace(KubernetesApiStandIn api) {
    return api.createNamespace("t-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      widgets(KubernetesClient client) {
    return client.genericKubernetesResources(API_VERSION, "Widget");
  }

  static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      gadgets(KubernetesClient client) {
    return client.genericKubernetesResources(API_VERSION, "Gadget");
  }

  static GenericKubernetesResource widget(String namespace, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind("Widget")
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(
            Map.of("spec", Map.of("target", Map.of("name", "web-1"), "fingerprint", "abc123")))
        .build();
  }

  static GenericKubernetesResource gadget(String namespace, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind("Gadget")
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", 1)))
        .build();
  }

  static OwnerReference controllerRef(GenericKubernetesResource owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
