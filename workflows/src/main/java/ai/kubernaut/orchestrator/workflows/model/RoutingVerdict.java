package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * The coordinator's answer to a registration: {@code Proceed} (this remediation owns the
 * fingerprint and target) or {@code Blocked} with reason {@code DuplicateInProgress} (of {@code
 * duplicateOf}, whose workflow is {@code duplicateOfWorkflowId}) or {@code ConsecutiveFailures}
 * (until {@code blockedUntil}).
 */
public record RoutingVerdict(
    String decision,
    String reason,
    String duplicateOf,
    String duplicateOfWorkflowId,
    Instant blockedUntil,
    String message) {

  public static final String PROCEED = "Proceed";
  public static final String BLOCKED = "Blocked";
  public static final String SKIPPED = "Skipped";

  public static final String DUPLICATE_IN_PROGRESS = "DuplicateInProgress";
  public static final String RESOURCE_BUSY = "ResourceBusy";
  public static final String RECENTLY_REMEDIATED = "RecentlyRemediated";
  public static final String CONSECUTIVE_FAILURES = "ConsecutiveFailures";

  public static RoutingVerdict proceed() {
    return new RoutingVerdict(PROCEED, null, null, null, null, null);
  }

  public boolean blocked() {
    return BLOCKED.equals(decision);
  }
}
