package ai.kubernaut.orchestrator.sandbox.kubeapi;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One kind of API call, in RBAC terms.
 *
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 * @param group API group, empty for core
 * @param resource plural resource name
 * @param subresource subresource such as {@code status}, or empty
 */
public record ApiCall(String verb, String group, String resource, String subresource) {

  /** The order of reports: by group, resource, subresource, then verb. */
  public static final Comparator<ApiCall> REPORT_ORDER =
      Comparator.comparing(ApiCall::group)
          .thenComparing(ApiCall::resource)
          .thenComparing(ApiCall::subresource)
          .thenComparing(ApiCall::verb);

  /** A sorted snapshot of running counts. */
  public static Map<ApiCall, Long> snapshot(Map<ApiCall, LongAdder> counts) {
    Map<ApiCall, Long> snapshot = new TreeMap<>(REPORT_ORDER);
    counts.forEach((call, n) -> snapshot.put(call, n.sum()));
    return snapshot;
  }

  /** A call on a resource itself (no subresource). */
  public static ApiCall of(String verb, String group, String resource) {
    return new ApiCall(verb, group, resource, "");
  }

  /** {@code resource} or {@code resource/subresource}, as an RBAC rule names it. */
  public String rbacResource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }
}
