package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.RemediationRef;

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
}
