package ai.kubernaut.orchestrator.orchestrator.deploy;

import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Kubernetes API calls the orchestrator makes, as read from its code (activities/ and
 * crd-bridge/; the sandbox's simulated controllers are not the orchestrator). The interim input of
 * the RBAC check until an end-to-end run's {@code RequestLog} replaces it; then this list is the
 * one to diff against when the two disagree.
 */
final class OrchestratorApiCalls {

  static final String KUBERNAUT = "kubernaut.ai";

  static final List<String> OWNED_CHILDREN =
      List.of(
          "signalprocessings", "aianalyses", "remediationapprovalrequests", "workflowexecutions");

  static final Set<ApiCall> FROM_CODE = build();

  private OrchestratorApiCalls() {}

  private static Set<ApiCall> build() {
    List<ApiCall> calls = new ArrayList<>();
    // RemediationRequests
    calls.add(ApiCall.of("get", KUBERNAUT, "remediationrequests")); // KubeResources, writer.get
    calls.add(ApiCall.of("list", KUBERNAUT, "remediationrequests")); // informers
    calls.add(ApiCall.of("watch", KUBERNAUT, "remediationrequests"));
    calls.add(ApiCall.of("patch", KUBERNAUT, "remediationrequests")); // finalizer edit()
    calls.add(ApiCall.of("delete", KUBERNAUT, "remediationrequests")); // RetentionReaper
    calls.add(new ApiCall("update", KUBERNAUT, "remediationrequests", "status")); // writeStatus
    calls.add(
        new ApiCall(
            "patch", KUBERNAUT, "remediationrequests", "status")); // recordTemporal (deferred)
    // owned children
    for (String child : OWNED_CHILDREN) {
      calls.add(ApiCall.of("create", KUBERNAUT, child)); // CreateOrAdopt.createOrAdopt
      calls.add(ApiCall.of("get", KUBERNAUT, child)); // adopt, readChildStatus
      calls.add(ApiCall.of("list", KUBERNAUT, child)); // informers, markChildrenTerminal
      calls.add(ApiCall.of("watch", KUBERNAUT, child));
      calls.add(new ApiCall("update", KUBERNAUT, child, "status")); // ChildStatusWriter
      calls.add(ApiCall.of("patch", KUBERNAUT, child)); // extendChildDeadline: deadline field only
    }
    // NotificationRequests
    calls.add(ApiCall.of("create", KUBERNAUT, "notificationrequests"));
    calls.add(ApiCall.of("get", KUBERNAUT, "notificationrequests"));
    calls.add(ApiCall.of("list", KUBERNAUT, "notificationrequests"));
    calls.add(ApiCall.of("watch", KUBERNAUT, "notificationrequests"));
    // Events on the RR
    calls.add(ApiCall.of("create", "", "events"));
    // leader election (fabric8 LeaseLock: get, create, patch)
    calls.add(ApiCall.of("get", "coordination.k8s.io", "leases"));
    calls.add(ApiCall.of("create", "coordination.k8s.io", "leases"));
    calls.add(ApiCall.of("patch", "coordination.k8s.io", "leases"));
    return Set.copyOf(calls);
  }
}
