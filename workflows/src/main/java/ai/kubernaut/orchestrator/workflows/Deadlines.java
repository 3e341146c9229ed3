package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import java.time.Duration;
import java.time.Instant;

/**
 * The effective timeouts of a remediation and the deadlines the workflow waits for: the phase
 * deadline, the global one, the version that tells a waiting timer a deadline moved, the ending
 * budget, and the deadline of a child create in flight. Moved by transitions, operator retry and
 * extendTimeout, leaving Blocked and the end, only through these methods.
 */
final class Deadlines {

  /**
   * Everything the end of a remediation does (mark children, notify, write the final status) shares
   * this budget: an API server that never answers cannot keep a finished remediation open.
   */
  static final Duration ENDING_BUDGET = Duration.ofMinutes(1);

  private PhaseTimeouts timeouts;
  private Instant phase;
  private Instant global;
  private int version;

  /** Set when the remediation starts ending: the ending budget runs out then. */
  private Instant ending;

  /**
   * While the child of a new phase (or of an operator retry) is created: its deadline, and the
   * phase it is created for (not carried; left set when a transition's create fails).
   */
  private Instant creatingUntil;

  private Phase creatingFor;

  /** The child create that was in flight (its deadline and phase; null phase for a retry). */
  record Creating(Instant until, Phase forPhase) {}

  Deadlines(PhaseTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  PhaseTimeouts timeouts() {
    return timeouts;
  }

  Instant phase() {
    return phase;
  }

  Instant global() {
    return global;
  }

  /** Changes whenever a deadline moves (a waiting timer restarts then). */
  int version() {
    return version;
  }

  Instant ending() {
    return ending;
  }

  Instant creatingUntil() {
    return creatingUntil;
  }

  Duration phaseBudget(Phase p) {
    return Timeouts.forPhase(timeouts, p);
  }

  /** Pending: the global timeout runs from {@code now}, and validation is bounded by it. */
  void start(Instant now) {
    global = Timeouts.deadline(now, timeouts.global());
    phase = global;
  }

  /** The validated spec's timeouts replace the defaults; the global deadline follows. */
  void applyValidated(PhaseTimeouts validated, Instant startTime) {
    timeouts = validated;
    global = Timeouts.deadline(startTime, timeouts.global());
  }

  /** A transition creates its child, bounded by the new phase's deadline {@code until}. */
  void creating(Instant until, Phase forPhase) {
    creatingUntil = until;
    creatingFor = forPhase;
  }

  void created() {
    creatingUntil = null;
    creatingFor = null;
  }

  /** An operator retry creates its child, bounded by the retry's own deadline. */
  void retryCreating(Instant until) {
    creatingUntil = until;
  }

  void retryCreated() {
    creatingUntil = null;
  }

  /** The create that was in flight when its budget ran out; cleared. */
  Creating takeCreating() {
    Creating c = new Creating(creatingUntil, creatingFor);
    creatingUntil = null;
    creatingFor = null;
    return c;
  }

  /** The phase changed; {@code deadline} is the new phase's (null: it keeps the current one). */
  void phaseChanged(Instant deadline) {
    if (deadline != null) {
      phase = deadline;
    }
    version++;
  }

  /** An operator retry restarts the phase's budget. */
  void restartPhase(Instant deadline) {
    phase = deadline;
    version++;
  }

  /** The phase whose child could not be created in time timed out at {@code deadline}. */
  void phaseEndedAt(Instant deadline) {
    phase = deadline;
  }

  /**
   * extendTimeout: the timeout of {@code p} grows by {@code by}, and its deadline too when it is
   * the global one or that of the {@code current} phase. Returns the moved deadline, else null.
   */
  Instant extend(String p, Duration by, Phase current) {
    timeouts = Timeouts.extend(timeouts, p, by);
    version++;
    if (Timeouts.GLOBAL.equals(p)) {
      global = Timeouts.deadline(global, by);
      return global;
    }
    if (p.equals(current.name())) {
      phase = Timeouts.deadline(phase, by);
      return phase;
    }
    return null;
  }

  /** Time spent Blocked does not use up the global timeout. */
  void extendGlobal(Duration blocked) {
    global = Timeouts.deadline(global, blocked);
  }

  /** From now on every activity shares the ending budget (first call only). */
  void startEnding(Instant now) {
    if (ending == null) {
      ending = Timeouts.deadline(now, ENDING_BUDGET);
    }
  }

  /** A status write after the end gets a fresh ending budget. */
  void renewEnding(Instant now) {
    ending = Timeouts.deadline(now, ENDING_BUDGET);
  }

  /** A continued run takes the timeouts and deadlines over. */
  void restore(PhaseTimeouts carriedTimeouts, Instant carriedPhase, Instant carriedGlobal) {
    timeouts = carriedTimeouts;
    phase = carriedPhase;
    global = carriedGlobal;
  }
}
