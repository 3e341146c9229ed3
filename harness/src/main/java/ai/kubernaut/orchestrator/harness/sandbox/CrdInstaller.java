package ai.kubernaut.orchestrator.harness.sandbox;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Kubernaut CRDs in a cluster that lacks them (the sandbox's {@code --kubeconfig}):
 * server-side apply with its own field manager, then waits until each is Established. A CRD that is
 * already there is left alone, whatever its version, so the sandbox never changes a cluster's
 * installed API.
 */
final class CrdInstaller {

  static final String FIELD_MANAGER = "kubernaut-sandbox";
  private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);
  private static final long ESTABLISHED_WITHIN_SECONDS = 60;

  private CrdInstaller() {}

  /** Installs the missing CRDs; returns the names of those it installed. */
  static List<String> installMissing(KubernetesClient client, List<CustomResourceDefinition> crds) {
    List<String> installed = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      String name = crd.getMetadata().getName();
      var resource = client.apiextensions().v1().customResourceDefinitions().withName(name);
      if (resource.get() != null) {
        continue;
      }
      CustomResourceDefinition desired = new CustomResourceDefinition();
      desired.setApiVersion(crd.getApiVersion());
      desired.setKind(crd.getKind());
      desired.setMetadata(crd.getMetadata());
      desired.setSpec(crd.getSpec());
      try {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(desired)
            .fieldManager(FIELD_MANAGER)
            .forceConflicts()
            .serverSideApply();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 415) {
          throw e;
        }
        // an API server without server-side apply (such as the sandbox's own stand-in)
        client.apiextensions().v1().customResourceDefinitions().resource(desired).create();
      }
      resource.waitUntilCondition(
          CrdInstaller::established, ESTABLISHED_WITHIN_SECONDS, TimeUnit.SECONDS);
      installed.add(name);
    }
    LOG.info("installed CRDs {}", installed);
    return installed;
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
