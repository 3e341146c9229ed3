package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/**
 * One status projection. {@code sequence} increases with every write of a run; the activity ignores
 * a write whose sequence is not above the one already stored for the same run, and lets a different
 * (newer) run take over. {@code events} are emitted on the RR together with the write.
 *
 * <p>{@code workflowTask} orders two writes of the same sequence: the history length at the start
 * of the workflow task that decided the write (0: not given). A local-activity write runs again
 * when its workflow task is retried, and then may carry newer content (a signal that arrived
 * meanwhile) under the same sequence; the retried task starts later in the history, so its write
 * wins and the older attempt's is stale.
 */
public record StatusWrite(
    RemediationRef rr,
    String workflowId,
    String runId,
    long sequence,
    long workflowTask,
    DesiredStatus status,
    List<EventRecord> events) {

  public StatusWrite {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** A write not ordered by workflow task (an activity's, or one outside a workflow). */
  public StatusWrite(
      RemediationRef rr,
      String workflowId,
      String runId,
      long sequence,
      DesiredStatus status,
      List<EventRecord> events) {
    this(rr, workflowId, runId, sequence, 0, status, events);
  }
}
