package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.Phase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The phase machine of SPEC §3 as a table. Every non-terminal phase may also end TimedOut,
 * Cancelled or Failed (configuration errors, escalations); Blocked and Skipped belong to routing
 * (SPEC §5).
 */
public final class PhaseTransitions {

  /** Where an analysis (Analyzing, or Recovering's recovery analysis) leads. */
  private static final Set<Phase> AFTER_ANALYSIS =
      EnumSet.of(
          Phase.AwaitingApproval, Phase.Executing, Phase.Completed, Phase.Blocked, Phase.Skipped);

  private static final Map<Phase, Set<Phase>> NEXT = new EnumMap<>(Phase.class);

  static {
    NEXT.put(Phase.Pending, EnumSet.of(Phase.Processing, Phase.Blocked, Phase.Skipped));
    NEXT.put(Phase.Processing, EnumSet.of(Phase.Analyzing, Phase.Blocked));
    NEXT.put(Phase.Analyzing, EnumSet.copyOf(AFTER_ANALYSIS));
    NEXT.put(Phase.AwaitingApproval, EnumSet.of(Phase.Executing, Phase.Blocked, Phase.Skipped));
    NEXT.put(
        Phase.Executing,
        EnumSet.of(Phase.Completed, Phase.Recovering, Phase.Skipped, Phase.Blocked));
    NEXT.put(Phase.Recovering, EnumSet.copyOf(AFTER_ANALYSIS));
    NEXT.put(
        Phase.Blocked,
        EnumSet.of(
            Phase.Pending,
            Phase.Processing,
            Phase.Analyzing,
            Phase.Executing,
            Phase.Completed,
            Phase.Skipped));
    for (Phase p : Phase.values()) {
      NEXT.putIfAbsent(p, EnumSet.noneOf(Phase.class));
      if (!p.isTerminal()) {
        NEXT.get(p).addAll(EnumSet.of(Phase.Failed, Phase.TimedOut, Phase.Cancelled));
      }
    }
  }

  private PhaseTransitions() {}

  public static boolean allowed(Phase from, Phase to) {
    return NEXT.get(from).contains(to);
  }

  /** Throws IllegalStateException (a workflow bug) for a transition SPEC §3 does not have. */
  public static void check(Phase from, Phase to) {
    if (!allowed(from, to)) {
      throw new IllegalStateException("no transition " + from + " -> " + to);
    }
  }
}
