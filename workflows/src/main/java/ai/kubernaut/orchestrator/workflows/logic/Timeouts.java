package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Phase budgets, deadlines and the {@code extendTimeout} rules (SPEC §3 Timers, §9). */
public final class Timeouts {

  /** The name extendTimeout uses for the global deadline. */
  public static final String GLOBAL = "Global";

  /** The phases extendTimeout accepts, in SPEC order. */
  public static final List<String> EXTENDABLE =
      List.of("Processing", "Analyzing", "AwaitingApproval", "Executing", "Recovering", GLOBAL);

  private Timeouts() {}

  /** The budget of a waiting phase (Pending and terminal phases have none: the global one). */
  public static Duration forPhase(PhaseTimeouts t, Phase phase) {
    return switch (phase) {
      case Processing -> t.processing();
      case Analyzing -> t.analyzing();
      case AwaitingApproval -> t.awaitingApproval();
      case Executing -> t.executing();
      case Recovering -> t.recovering();
      default -> t.global();
    };
  }

  /** {@code at + d}, saturating instead of overflowing. */
  public static Instant deadline(Instant at, Duration d) {
    try {
      return at.plus(d);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX;
    }
  }

  /** The canonical extendTimeout phase name for {@code name} (case-insensitive), if any. */
  public static Optional<String> extendablePhase(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return EXTENDABLE.stream().filter(p -> p.equalsIgnoreCase(name.trim())).findFirst();
  }

  /** The effective timeouts with {@code phase}'s budget (or the global one) grown by {@code by}. */
  public static PhaseTimeouts extend(PhaseTimeouts t, String phase, Duration by) {
    return new PhaseTimeouts(
        grow(t.processing(), "Processing", phase, by),
        grow(t.analyzing(), "Analyzing", phase, by),
        grow(t.awaitingApproval(), "AwaitingApproval", phase, by),
        grow(t.executing(), "Executing", phase, by),
        grow(t.recovering(), "Recovering", phase, by),
        grow(t.global(), GLOBAL, phase, by));
  }

  /** The effective budget named by an extendTimeout phase. */
  public static Duration effective(PhaseTimeouts t, String phase) {
    return GLOBAL.equals(phase) ? t.global() : forPhase(t, Phase.valueOf(phase));
  }

  /** Short human form for summaries and details: {@code 5m}, {@code 1h30m}, {@code 45s}. */
  public static String human(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    long h = d.toHours();
    int m = d.toMinutesPart();
    int s = d.toSecondsPart();
    int ms = d.toMillisPart();
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0) {
      b.append(m).append('m');
    }
    if (s > 0) {
      b.append(s).append('s');
    }
    if (ms > 0 && h == 0 && m == 0) {
      b.append(ms).append("ms");
    }
    return b.isEmpty() ? d.toString().toLowerCase(Locale.ROOT) : b.toString();
  }

  private static Duration grow(Duration current, String name, String phase, Duration by) {
    return name.equals(phase) ? current.plus(by) : current;
  }
}
