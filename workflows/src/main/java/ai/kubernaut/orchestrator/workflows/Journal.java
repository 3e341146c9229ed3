package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;

import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What goes to the RR with the status writes: the timeline, the Events collected for the next write
 * (and whether one waits that no transition will carry soon), the write sequence and the steps
 * written last. Anyone records; {@link Transitions#write()} takes the Events with each write.
 */
final class Journal {
  private static final int TIMELINE_MAX = 40;

  private final List<String> timeline = new ArrayList<>();
  private final List<EventRecord> pendingEvents = new ArrayList<>();

  /** An Event waits to be written that no transition will carry soon (a report, not a change). */
  private boolean noticePending;

  private long sequence;
  private int stepsWritten;

  List<String> timeline() {
    return timeline;
  }

  void timeline(String line) {
    timeline.add(now() + " " + line);
    if (timeline.size() > TIMELINE_MAX) {
      timeline.remove(0);
    }
  }

  /** An Event for the next status write. */
  void event(EventRecord e) {
    pendingEvents.add(e);
  }

  void events(List<EventRecord> events) {
    pendingEvents.addAll(events);
  }

  /** An Event to be written soon by itself (a report, not a change). */
  void notice(EventRecord e) {
    pendingEvents.add(e);
    noticePending = true;
  }

  boolean hasEvents() {
    return !pendingEvents.isEmpty();
  }

  boolean noticePending() {
    return noticePending;
  }

  long sequence() {
    return sequence;
  }

  int stepsWritten() {
    return stepsWritten;
  }

  /**
   * The next status write, carrying {@code steps} completed steps: advances the sequence and takes
   * the collected Events.
   */
  List<EventRecord> nextWrite(int steps) {
    sequence++;
    stepsWritten = steps;
    noticePending = false;
    List<EventRecord> events = List.copyOf(pendingEvents);
    pendingEvents.clear();
    return events;
  }

  /** A continued run goes on with the sequence, the timeline and the steps last written. */
  void restore(long lastSequence, List<String> lines, int steps) {
    sequence = lastSequence;
    timeline.addAll(lines);
    stepsWritten = steps;
  }
}
