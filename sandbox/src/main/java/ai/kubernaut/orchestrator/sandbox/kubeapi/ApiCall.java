package ai.kubernaut.orchestrator.sandbox.kubeapi;

/**
 * One kind of API call, in RBAC terms.
 *
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 * @param group API group, empty for core
 * @param resource plural resource name
 * @param subresource subresource such as {@code status}, or empty
 */
public record ApiCall(String verb, String group, String resource, String subresource) {

  /** A call on a resource itself (no subresource). */
  public static ApiCall of(String verb, String group, String resource) {
    return new ApiCall(verb, group, resource, "");
  }

  /** {@code resource} or {@code resource/subresource}, as an RBAC rule names it. */
  public String rbacResource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }
}
