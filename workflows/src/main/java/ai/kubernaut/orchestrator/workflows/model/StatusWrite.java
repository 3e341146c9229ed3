package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/**
 * One status projection. {@code sequence} increases with every write of a run; the activity ignores
 * a write whose sequence is not above the one already stored for the same run, and lets a different
 * (newer) run take over. {@code events} are emitted on the RR together with the write.
 */
public record StatusWrite(
    RemediationRef rr,
    String workflowId,
    String runId,
    long sequence,
    DesiredStatus status,
    List<EventRecord> events) {

  public StatusWrite {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
