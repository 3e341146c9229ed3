package ai.kubernaut.orchestrator.sandbox.kubeapi;

import java.util.List;

/**
 * A resource the stand-in serves: what discovery lists and what Table output needs.
 *
 * @param group API group, empty for core
 * @param version served version
 * @param plural plural name used in URLs
 * @param singular singular name
 * @param kind kind
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl short names
 * @param categories kubectl categories
 * @param statusSubresource whether {@code /status} is a subresource
 * @param printerColumns additional printer columns (CRDs only; empty means Name and Age)
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean statusSubresource,
    List<PrinterColumn> printerColumns) {

  /** The verbs every resource served by the CRUD store supports. */
  public static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public ResourceType {
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    printerColumns = List.copyOf(printerColumns);
  }

  /** A built-in resource without printer columns or subresources, with kubectl's short names. */
  public static ResourceType builtIn(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      String... shortNames) {
    return new ResourceType(
        group,
        version,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        kind,
        namespaced,
        List.of(shortNames),
        List.of(),
        false,
        List.of());
  }

  /** {@code group/version}, or just the version for the core group. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * A CRD additional printer column.
   *
   * @param name column header as declared
   * @param type OpenAPI type: string, integer, number, boolean or date
   * @param format optional format
   * @param description optional description
   * @param priority 0 for the default view, higher for {@code -o wide}
   * @param jsonPath simple JSONPath, for example {@code .status.phase}
   */
  public record PrinterColumn(
      String name, String type, String format, String description, int priority, String jsonPath) {}
}
