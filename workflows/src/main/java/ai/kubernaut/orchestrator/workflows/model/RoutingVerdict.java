package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * A routing answer: {@code Proceed}, {@code Blocked} (until {@code blockedUntil}, or until the
 * duplicate or lock holder ends) or {@code Skipped}; {@code reason} is DuplicateInProgress,
 * ResourceBusy, RecentlyRemediated or ConsecutiveFailures.
 */
public record RoutingVerdict(
    String decision, String reason, String duplicateOf, Instant blockedUntil, String message) {

  public static final String PROCEED = "Proceed";
  public static final String BLOCKED = "Blocked";
  public static final String SKIPPED = "Skipped";
}
