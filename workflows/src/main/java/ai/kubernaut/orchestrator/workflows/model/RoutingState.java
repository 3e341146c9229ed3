package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;
import java.util.List;

/**
 * The routing part of a remediation's state (query result, carried over continue-as-new). {@code
 * executingDeadline}: the Executing deadline that WorkflowExecution re-creations after
 * Skipped/ResourceBusy keep (null when none is pending).
 */
public record RoutingState(
    boolean registered,
    String blockReason,
    Instant blockedUntil,
    Instant blockedSince,
    String duplicateOf,
    String duplicateOfWorkflowId,
    List<String> duplicates,
    int duplicateCountWritten,
    Instant lastDuplicateTime,
    String skipReason,
    DuplicateResolution resolution,
    int lockAttempt,
    boolean lockHeld,
    boolean lockQueued,
    LockAnswer grant,
    Instant lockQueuedAt,
    String selectedWorkflowId,
    int executionRetries,
    Instant executingDeadline) {

  public RoutingState {
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
  }
}
