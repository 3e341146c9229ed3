package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/**
 * The RR spec checked against SPEC §2.1. When valid, carries the parsed overrides; when not, the
 * violations (the first one is shown in the RR status).
 */
public record ValidationResult(
    List<Violation> violations, TimeoutOverrides timeoutOverrides, Integer maxRecoveryAttempts) {

  public ValidationResult {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }

  public boolean valid() {
    return violations.isEmpty();
  }
}
