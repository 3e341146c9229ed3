package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/**
 * Mark children of the RR that are still running as Failed with {@code reason} (ParentCancelled,
 * ParentTimedOut, or Superseded for the child an operator retry replaces), and an undecided
 * approval request as Expired, so nothing keeps acting on a finished remediation or a replaced
 * child. {@code names}: only these children; null (as in requests recorded before it existed):
 * every child.
 */
public record TerminateChildren(
    RemediationRef rr, String reason, String message, List<String> names) {

  public TerminateChildren {
    names = names == null ? null : List.copyOf(names);
  }

  /** Every running child of the RR. */
  public TerminateChildren(RemediationRef rr, String reason, String message) {
    this(rr, reason, message, null);
  }
}
