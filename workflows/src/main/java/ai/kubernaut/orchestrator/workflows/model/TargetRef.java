package ai.kubernaut.orchestrator.workflows.model;

/** The resource a remediation acts on (spec.targetResource). */
public record TargetRef(String kind, String name, String namespace, String apiVersion) {

  /** "Kind/name" or "Kind/namespace/name", as shown to people and used for search attributes. */
  public String display() {
    return namespace == null || namespace.isEmpty()
        ? kind + "/" + name
        : kind + "/" + namespace + "/" + name;
  }
}
