package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * The lock's answer to an acquire (also sent later as the {@code lockGranted} signal to a queued
 * waiter): {@code Granted}, {@code Queued} behind {@code holder} at {@code position}, or {@code
 * RecentlyRemediated} because {@code earlierRemediation} completed the same workflow at {@code
 * earlierCompletion}.
 */
public record LockAnswer(
    String decision,
    int attempt,
    String holder,
    int position,
    String earlierRemediation,
    Instant earlierCompletion) {

  public static final String GRANTED = "Granted";
  public static final String QUEUED = "Queued";
  public static final String RECENTLY_REMEDIATED = "RecentlyRemediated";
}
