package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The resources the stand-in serves: a fixed set of built-in kinds (with kubectl's short names, so
 * {@code kubectl get ns} resolves) plus every installed CRD. Thread-safe; CRDs come and go as
 * CustomResourceDefinition objects are created and deleted.
 */
public final class ResourceCatalog {

  private static final List<ResourceType> BUILT_IN =
      List.of(
          ResourceType.builtIn("", "v1", "namespaces", "Namespace", false, "ns"),
          ResourceType.builtIn("", "v1", "pods", "Pod", true, "po"),
          ResourceType.builtIn("", "v1", "services", "Service", true, "svc"),
          ResourceType.builtIn("", "v1", "configmaps", "ConfigMap", true, "cm"),
          ResourceType.builtIn("", "v1", "secrets", "Secret", true),
          ResourceType.builtIn("", "v1", "events", "Event", true, "ev"),
          ResourceType.builtIn("", "v1", "serviceaccounts", "ServiceAccount", true, "sa"),
          ResourceType.builtIn("", "v1", "nodes", "Node", false, "no"),
          ResourceType.builtIn("apps", "v1", "deployments", "Deployment", true, "deploy"),
          ResourceType.builtIn("apps", "v1", "statefulsets", "StatefulSet", true, "sts"),
          ResourceType.builtIn("apps", "v1", "daemonsets", "DaemonSet", true, "ds"),
          ResourceType.builtIn("apps", "v1", "replicasets", "ReplicaSet", true, "rs"),
          ResourceType.builtIn("coordination.k8s.io", "v1", "leases", "Lease", true),
          ResourceType.builtIn("events.k8s.io", "v1", "events", "Event", true),
          ResourceType.builtIn(
              "apiextensions.k8s.io",
              "v1",
              "customresourcedefinitions",
              "CustomResourceDefinition",
              false,
              "crd",
              "crds"));

  private final Map<String, ResourceType> builtIn = new LinkedHashMap<>();
  private final Map<String, List<ResourceType>> crds = new LinkedHashMap<>();

  public ResourceCatalog() {
    BUILT_IN.forEach(t -> builtIn.put(key(t.group(), t.version(), t.plural()), t));
  }

  private static String key(String group, String version, String plural) {
    return group + "/" + version + "/" + plural;
  }

  /** Registers (or replaces) the resources a CRD defines, one per served version. */
  public synchronized void addCrd(CustomResourceDefinition crd) {
    crds.put(crd.getMetadata().getName(), typesOf(crd));
  }

  /** Forgets the resources of the named CRD. */
  public synchronized void removeCrd(String crdName) {
    crds.remove(crdName);
  }

  /** The resource served at group/version/plural, if any. */
  public synchronized Optional<ResourceType> find(String group, String version, String plural) {
    String key = key(Objects.requireNonNullElse(group, ""), version, plural);
    ResourceType type = builtIn.get(key);
    if (type != null) {
      return Optional.of(type);
    }
    return crds.values().stream()
        .flatMap(Collection::stream)
        .filter(t -> key(t.group(), t.version(), t.plural()).equals(key))
        .findFirst();
  }

  /** Every served resource, built-ins first. */
  public synchronized List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(builtIn.values());
    crds.values().forEach(all::addAll);
    return all;
  }

  /** The served resources of one group/version. */
  public List<ResourceType> resources(String group, String version) {
    return all().stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version))
        .toList();
  }

  /** Group name to its versions, in first-seen order; the core group is left out. */
  public Map<String, Set<String>> groups() {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (ResourceType t : all()) {
      if (!t.group().isEmpty()) {
        groups.computeIfAbsent(t.group(), g -> new LinkedHashSet<>()).add(t.version());
      }
    }
    return groups;
  }

  static List<ResourceType> typesOf(CustomResourceDefinition crd) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
    List<ResourceType> types = new ArrayList<>();
    for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
      if (Boolean.FALSE.equals(v.getServed())) {
        continue;
      }
      boolean status = v.getSubresources() != null && v.getSubresources().getStatus() != null;
      List<ResourceType.PrinterColumn> columns = new ArrayList<>();
      if (v.getAdditionalPrinterColumns() != null) {
        for (CustomResourceColumnDefinition c : v.getAdditionalPrinterColumns()) {
          columns.add(
              new ResourceType.PrinterColumn(
                  c.getName(),
                  c.getType(),
                  c.getFormat(),
                  c.getDescription(),
                  c.getPriority() == null ? 0 : c.getPriority(),
                  c.getJsonPath()));
        }
      }
      types.add(
          new ResourceType(
              crd.getSpec().getGroup(),
              v.getName(),
              names.getPlural(),
              Objects.requireNonNullElse(
                  names.getSingular(), names.getKind().toLowerCase(java.util.Locale.ROOT)),
              names.getKind(),
              namespaced,
              Objects.requireNonNullElse(names.getShortNames(), List.of()),
              Objects.requireNonNullElse(names.getCategories(), List.of()),
              status,
              columns));
    }
    return types;
  }
}
