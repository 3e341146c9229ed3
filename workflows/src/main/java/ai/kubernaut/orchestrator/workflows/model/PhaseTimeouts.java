package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/**
 * Effective per-phase and global timeouts (SPEC §3 defaults, spec overrides, operator extensions).
 */
public record PhaseTimeouts(
    Duration processing,
    Duration analyzing,
    Duration awaitingApproval,
    Duration executing,
    Duration recovering,
    Duration global) {

  public static PhaseTimeouts defaults() {
    return new PhaseTimeouts(
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofMinutes(10),
        Duration.ofHours(1));
  }

  /**
   * Spec overrides win over these values. Recovering takes its own override; without one it follows
   * an analyzing override (a recovery attempt is another analysis).
   */
  public PhaseTimeouts withOverrides(TimeoutOverrides o) {
    if (o == null) {
      return this;
    }
    return new PhaseTimeouts(
        or(o.processing(), processing),
        or(o.analyzing(), analyzing),
        or(o.awaitingApproval(), awaitingApproval),
        or(o.executing(), executing),
        or(o.recovering(), or(o.analyzing(), recovering)),
        or(o.global(), global));
  }

  private static Duration or(Duration override, Duration fallback) {
    return override != null ? override : fallback;
  }
}
