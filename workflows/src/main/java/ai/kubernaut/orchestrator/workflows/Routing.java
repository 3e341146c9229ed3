package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.DuplicateResolution;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The routing state of a remediation (SPEC §5): the coordinator registration and the duplicates,
 * the target's execution lock, the block, and the WorkflowExecution re-creations after
 * Skipped/ResourceBusy. Changed by {@link RoutingSteps} and {@link RoutingExit} (and by {@link
 * ChildReactions} for what a WorkflowExecution reports), through these methods only.
 */
final class Routing {
  /** What this remediation registered with (not carried: recomputed from the input). */
  private RoutingRequest request;

  private boolean registered;

  private String blockReason;
  private Instant blockedUntil;
  private Instant blockedSince;

  /**
   * The end of the Blocked budget of a block without an end time of its own (DuplicateInProgress,
   * queued for the execution lock): blockedSince + the global timeout. Set while waiting (not
   * carried: recomputed from blockedSince), null otherwise.
   */
  private Instant blockedDeadline;

  /** The reason the phase metric counts the current block under (not carried). */
  private String blockedMetricReason;

  private String duplicateOf;
  private String duplicateOfWorkflowId;
  private final List<String> duplicates = new ArrayList<>();
  private int duplicateCountWritten;
  private Instant lastDuplicateTime;
  private String skipReason;
  private DuplicateResolution resolution;

  private int lockAttempt;
  private boolean lockHeld;
  private boolean lockQueued;
  private LockAnswer grant;
  private Instant lockQueuedAt;

  private String selectedWorkflowId;
  private int executionRetries;

  /**
   * Set at the first Skipped/ResourceBusy of a WorkflowExecution: the Executing deadline its
   * re-creations keep, which also bounds the Blocked waits between them. Null otherwise.
   */
  private Instant executingDeadline;

  // ---- registration and duplicates

  RoutingRequest request() {
    return request;
  }

  void request(RoutingRequest value) {
    request = value;
  }

  void registered() {
    registered = true;
  }

  /** True once: the registration is given back now. */
  boolean takeRegistration() {
    boolean was = registered;
    registered = false;
    return was;
  }

  void duplicateOf(String rrName, String workflowId) {
    duplicateOf = rrName;
    duplicateOfWorkflowId = workflowId;
  }

  /** The original was cancelled or deleted: this remediation proceeds on its own. */
  void releasedByOriginal() {
    duplicateOf = null;
    duplicateOfWorkflowId = null;
  }

  /** The coordinator registered {@code name} as our duplicate (signal); false when known. */
  boolean addDuplicate(String name, Instant at) {
    if (duplicates.contains(name)) {
      return false;
    }
    duplicates.add(name);
    lastDuplicateTime = at;
    return true;
  }

  /** Duplicates the coordinator handed over when this remediation ended. */
  void addReleasedDuplicates(List<String> names) {
    for (String d : names) {
      if (!duplicates.contains(d)) {
        duplicates.add(d);
      }
    }
  }

  List<String> duplicates() {
    return Collections.unmodifiableList(duplicates);
  }

  /** Duplicates registered since the last status write. */
  List<String> unwrittenDuplicates() {
    return List.copyOf(duplicates.subList(duplicateCountWritten, duplicates.size()));
  }

  boolean hasUnwrittenDuplicates() {
    return duplicates.size() != duplicateCountWritten;
  }

  void duplicatesWritten() {
    duplicateCountWritten = duplicates.size();
  }

  /** The original ended (signal): kept once, until acted on. */
  void resolved(DuplicateResolution r) {
    if (resolution == null) {
      resolution = r;
    }
  }

  DuplicateResolution resolution() {
    return resolution;
  }

  DuplicateResolution takeResolution() {
    DuplicateResolution r = resolution;
    resolution = null;
    return r;
  }

  void skipped(String reason) {
    skipReason = reason;
  }

  /** Skipped as RecentlyRemediated by the execution lock, after {@code earlier}. */
  void recentlyRemediated(String reason, String earlier) {
    skipReason = reason;
    duplicateOf = earlier;
  }

  // ---- execution lock

  /** A new lock request: its attempt number (a grant for an older attempt is ignored). */
  int nextLockAttempt() {
    lockAttempt++;
    grant = null;
    return lockAttempt;
  }

  void lockHeld() {
    lockHeld = true;
  }

  void lockQueued(Instant at) {
    lockQueued = true;
    lockQueuedAt = at;
  }

  boolean isLockQueued() {
    return lockQueued;
  }

  Instant lockQueuedAt() {
    return lockQueuedAt;
  }

  /** The lock workflow answered (signal; may come before the acquire's own answer). */
  void offerGrant(LockAnswer answer) {
    if (answer != null && answer.attempt() == lockAttempt && !lockHeld) {
      grant = answer;
    }
  }

  LockAnswer grant() {
    return grant;
  }

  /** The queued request was answered: the answer, no longer queued. */
  LockAnswer takeGrant() {
    LockAnswer g = grant;
    grant = null;
    lockQueued = false;
    return g;
  }

  /** True when the lock was held or queued; it is given back now. */
  boolean takeLock() {
    if (!lockHeld && !lockQueued) {
      return false;
    }
    lockHeld = false;
    lockQueued = false;
    grant = null;
    return true;
  }

  // ---- block

  void block(String reason, Instant until, Instant since) {
    blockReason = reason;
    blockedUntil = until;
    blockedSince = since;
  }

  void unblock() {
    blockReason = null;
    blockedUntil = null;
    blockedSince = null;
  }

  String blockReason() {
    return blockReason;
  }

  Instant blockedUntil() {
    return blockedUntil;
  }

  Instant blockedSince() {
    return blockedSince;
  }

  Instant blockedDeadline() {
    return blockedDeadline;
  }

  void blockedDeadline(Instant value) {
    blockedDeadline = value;
  }

  String blockedMetricReason() {
    return blockedMetricReason;
  }

  /** The phase metric counts the block entered now under its reason. */
  void countBlockAsCurrentReason() {
    blockedMetricReason = blockReason;
  }

  // ---- WorkflowExecution

  String selectedWorkflowId() {
    return selectedWorkflowId;
  }

  void selectedWorkflowId(String value) {
    selectedWorkflowId = value;
  }

  int executionRetries() {
    return executionRetries;
  }

  /** The WorkflowExecution reported Skipped/ResourceBusy: it is created again later. */
  void executionBusy() {
    executionRetries++;
  }

  Instant executingDeadline() {
    return executingDeadline;
  }

  void executingDeadline(Instant value) {
    executingDeadline = value;
  }

  DesiredStatus.Routing toStatus() {
    return new DesiredStatus.Routing(
        blockReason, blockedUntil, duplicateOf, duplicates.size(), lastDuplicateTime, skipReason);
  }

  RoutingState snapshot() {
    return new RoutingState(
        registered,
        blockReason,
        blockedUntil,
        blockedSince,
        duplicateOf,
        duplicateOfWorkflowId,
        duplicates,
        duplicateCountWritten,
        lastDuplicateTime,
        skipReason,
        resolution,
        lockAttempt,
        lockHeld,
        lockQueued,
        grant,
        lockQueuedAt,
        selectedWorkflowId,
        executionRetries,
        executingDeadline);
  }

  /** A continued run takes the routing state over; {@code req} is recomputed from the input. */
  void restore(RoutingState r, RoutingRequest req) {
    request = req;
    registered = r.registered();
    blockReason = r.blockReason();
    blockedUntil = r.blockedUntil();
    blockedSince = r.blockedSince();
    duplicateOf = r.duplicateOf();
    duplicateOfWorkflowId = r.duplicateOfWorkflowId();
    duplicates.addAll(r.duplicates());
    duplicateCountWritten = r.duplicateCountWritten();
    lastDuplicateTime = r.lastDuplicateTime();
    skipReason = r.skipReason();
    resolution = r.resolution();
    lockAttempt = r.lockAttempt();
    lockHeld = r.lockHeld();
    lockQueued = r.lockQueued();
    grant = r.grant();
    lockQueuedAt = r.lockQueuedAt();
    selectedWorkflowId = r.selectedWorkflowId();
    executionRetries = r.executionRetries();
    executingDeadline = r.executingDeadline();
    blockedMetricReason = blockReason;
  }
}
