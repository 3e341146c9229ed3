package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.NotificationDelivery.FAILED;
import static ai.kubernaut.orchestrator.workflows.NotificationDelivery.settled;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The NotificationRequests of a remediation: their references with the delivery phase each
 * reported, and what this run needs to react to them. {@link Notifier} adds what it created, {@link
 * NotificationDelivery} records and reacts to delivery news; both only through these methods.
 */
final class Notifications {
  private static final int MAX_EARLY = 8;

  private final List<NotificationRef> refs = new ArrayList<>();

  /** The references as last written (not carried). */
  private List<NotificationRef> written = List.of();

  /** A NotificationRequest reported a phase not yet reacted to. */
  private boolean changed;

  /** Failed NotificationRequests already reported (Event, metric, re-send). */
  private final Set<String> failuresReported = new LinkedHashSet<>();

  /** NotificationRequest statuses that arrived before the create's result named the NR. */
  private final Map<String, ChildStatus> early = new LinkedHashMap<>();

  /** The order of each NotificationRequest this run created, for a re-send (not carried). */
  private final Map<String, NotificationOrder> orders = new LinkedHashMap<>();

  List<NotificationRef> refs() {
    return Collections.unmodifiableList(refs);
  }

  /**
   * A NotificationRequest was created: listed once; a delivery status that came first is applied to
   * it.
   */
  void created(NotificationRef ref) {
    if (refs.stream().noneMatch(r -> r.name().equals(ref.name()))) {
      refs.add(ref);
      ChildStatus first = early.remove(ref.name());
      if (first != null && first.phase() != null) {
        refs.set(refs.size() - 1, ref.withDelivery(first.phase(), first.message()));
        changed = true;
      }
    }
  }

  void rememberOrder(String name, NotificationOrder order) {
    orders.put(name, order);
  }

  /** The order this run created {@code name} from; null when an earlier run did. */
  NotificationOrder orderOf(String name) {
    return orders.get(name);
  }

  /**
   * A NotificationRequest reported {@code s}: kept in its reference (a delivered or failed NR never
   * goes back; a repeat changes nothing), or held (a few names at most) until its create returns.
   */
  void delivery(ChildStatus s) {
    for (int i = 0; i < refs.size(); i++) {
      NotificationRef r = refs.get(i);
      if (r.name().equals(s.name())) {
        if (settled(r.phase())
            || (Objects.equals(r.phase(), s.phase()) && Objects.equals(r.message(), s.message()))) {
          return;
        }
        refs.set(i, r.withDelivery(s.phase(), s.message()));
        changed = true;
        return;
      }
    }
    // reported before the create's result named it (a fast controller)
    if (early.containsKey(s.name()) || early.size() < MAX_EARLY) {
      ChildStatus prev = early.get(s.name());
      if (prev == null || !settled(prev.phase())) {
        early.put(s.name(), s);
      }
    }
  }

  /** Whether delivery news waits for a reaction. */
  boolean changed() {
    return changed;
  }

  /** Takes the pending delivery news: true when there was some. */
  boolean takeChange() {
    boolean was = changed;
    changed = false;
    return was;
  }

  /** True the first time the failure of {@code name} is reported. */
  boolean firstReportOfFailure(String name) {
    return failuresReported.add(name);
  }

  /** Whether {@code name} was already sent again. */
  boolean resent(String name) {
    return refs.stream().anyMatch(r -> name.equals(r.retryOf()));
  }

  /** The references are in the status just written. */
  void markWritten() {
    written = List.copyOf(refs);
  }

  boolean unwritten() {
    return !refs.equals(written);
  }

  /** Every NotificationRequest has been delivered or has failed (a re-send included). */
  boolean allSettled() {
    return refs.stream().allMatch(r -> settled(r.phase()));
  }

  List<String> unsettled() {
    return refs.stream().filter(r -> !settled(r.phase())).map(NotificationRef::name).toList();
  }

  boolean isEmpty() {
    return refs.isEmpty();
  }

  /** A continued run takes the references over; failures among them were reported before. */
  void restore(List<NotificationRef> carried) {
    refs.addAll(carried);
    for (NotificationRef r : carried) {
      if (FAILED.equals(r.phase())) {
        failuresReported.add(r.name());
      }
    }
  }
}
