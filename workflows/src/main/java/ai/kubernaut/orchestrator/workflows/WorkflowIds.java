package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import java.util.Optional;

/**
 * The one place workflow IDs are derived: {@code rr/<namespace>/<name>/<uid>}. The UID makes a
 * recreated RR with the same name a different remediation; the bridge signals by this ID only, so
 * signals follow a reset to a new run.
 */
public final class WorkflowIds {

  private static final String PREFIX = "rr/";

  private WorkflowIds() {}

  public static String of(String namespace, String name, String uid) {
    return PREFIX + namespace + "/" + name + "/" + uid;
  }

  public static String of(RemediationRef rr) {
    return of(rr.namespace(), rr.name(), rr.uid());
  }

  /** The RR a remediation workflow ID names; empty for any other ID (e.g. the routing ones). */
  public static Optional<RemediationRef> parse(String workflowId) {
    if (workflowId == null || !workflowId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    // Kubernetes names, namespaces and UIDs never contain '/'
    String[] parts = workflowId.substring(PREFIX.length()).split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RemediationRef(parts[0], parts[1], parts[2]));
  }
}
