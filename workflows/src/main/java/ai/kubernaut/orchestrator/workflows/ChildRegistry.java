package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The children of a remediation as the workflow knows them: the names it created (or is creating),
 * the newest accepted status of each, statuses held for children not registered yet, the children
 * an operator retry superseded, and the {@code -retry-<k>} numbering. Statuses come in through the
 * signal handler and the re-read before a timeout; names through {@link Transitions} and {@link
 * OperatorUpdates}.
 */
final class ChildRegistry {

  /** {@code Workflow.getVersion} change ID: statuses of not-yet-registered children are kept. */
  static final String EARLY_STATUS_CHANGE = "keep-early-child-status";

  private static final int MAX_EARLY_STATUSES = 8;

  private final Set<String> names = new LinkedHashSet<>();

  /**
   * Statuses signalled for a child this run has not registered yet (the bridge saw the child first,
   * e.g. an orchestrator restarting with work in flight); applied when the run registers that name.
   */
  private final Map<String, ChildStatus> early = new LinkedHashMap<>();

  private final Map<String, ChildStatus> observed = new LinkedHashMap<>();

  /** Children an operator retry replaced (marked Superseded). */
  private final Set<String> superseded = new LinkedHashSet<>();

  /** The last {@code -retry-<k>} taken per child base name (operator retry or re-creation). */
  private final Map<String, Integer> retryNumbers = new LinkedHashMap<>();

  /** Child statuses are ordered by lifecycle progress, not by resourceVersion (run's rule). */
  private boolean orderByProgress;

  void orderByProgress(boolean value) {
    orderByProgress = value;
  }

  boolean isRegistered(String name) {
    return names.contains(name);
  }

  /** The newest accepted status of child {@code name}; null when none (or no name). */
  ChildStatus latest(String name) {
    return name == null ? null : observed.get(name);
  }

  private boolean stale(ChildStatus s, ChildStatus prev) {
    return orderByProgress ? s.isNoAdvanceOn(prev) : s.isNotNewerThan(prev);
  }

  /** Holds a status of a child not registered yet (a few names at most; the newest per name). */
  void hold(ChildStatus s) {
    ChildStatus prev = early.get(s.name());
    if (prev == null ? early.size() < MAX_EARLY_STATUSES : !stale(s, prev)) {
      early.put(s.name(), s);
    }
  }

  /**
   * Registers a child of this run; a status that arrived before is applied. Histories recorded
   * before early statuses were kept ignore them (version marker {@value #EARLY_STATUS_CHANGE}).
   */
  void register(String name) {
    names.add(name);
    ChildStatus held = early.remove(name);
    if (held != null
        && Workflow.getVersion(EARLY_STATUS_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      accept(held);
    }
  }

  /** Keeps {@code s} when it is newer than what we have; drops stale and duplicate statuses. */
  void accept(ChildStatus s) {
    ChildStatus prev = observed.get(s.name());
    if (prev != null && (stale(s, prev) || s.equals(prev))) {
      return;
    }
    if (prev != null
        && prev.kind() == s.kind()
        && ChildPhases.isTerminal(prev.kind(), prev.phase())
        && !ChildPhases.isTerminal(s.kind(), s.phase())) {
      return; // a terminal child never goes back
    }
    observed.put(s.name(), s);
  }

  /**
   * The next {@code -retry-<k>} of a child base name: one numbering for operator retries and
   * ResourceBusy re-creations, so a re-creation never adopts a stale child. A base name not
   * numbered yet (state carried from an older run) starts above {@code usedBefore} and the {@code
   * current} child's own count, the numbers the older code used.
   */
  int nextRetry(String baseName, int usedBefore, CurrentChild current) {
    int last = retryNumbers.getOrDefault(baseName, usedBefore);
    if (current != null && baseName.equals(current.baseName())) {
      last = Math.max(last, current.retry());
    }
    retryNumbers.put(baseName, last + 1);
    return last + 1;
  }

  /** An operator retry replaced {@code name}: its late decisions are reported, not acted on. */
  void supersede(String name) {
    superseded.add(name);
  }

  boolean isSuperseded(String name) {
    return superseded.contains(name);
  }

  List<String> names() {
    return List.copyOf(names);
  }

  List<ChildStatus> observed() {
    return List.copyOf(observed.values());
  }

  Map<String, Integer> retryNumbers() {
    return retryNumbers;
  }

  List<String> superseded() {
    return List.copyOf(superseded);
  }

  /** A continued run takes the children over from the previous one. */
  void restore(
      List<String> carriedNames,
      List<ChildStatus> carriedObserved,
      Map<String, Integer> carriedRetryNumbers,
      List<String> carriedSuperseded) {
    names.addAll(carriedNames);
    carriedObserved.forEach(o -> observed.put(o.name(), o));
    retryNumbers.putAll(carriedRetryNumbers);
    superseded.addAll(carriedSuperseded);
  }
}
