package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import java.time.Duration;
import java.time.Instant;

/** The Markdown the Temporal UI shows for a remediation (SPEC §8). */
public final class CurrentDetails {

  private CurrentDetails() {}

  /** The static summary the starter sets: {@code <signalName> on <kind>/<name>}. */
  public static String staticSummary(RemediationSnapshot s) {
    TargetRef t = s == null ? null : s.target();
    String target = t == null ? "unknown target" : t.kind() + "/" + t.name();
    return (s == null ? "signal" : s.signalName()) + " on " + target;
  }

  /** The static details the starter sets: the signal facts that never change. */
  public static String staticDetails(
      String namespace, String name, RemediationSnapshot s, String workflowId) {
    StringBuilder b = new StringBuilder();
    b.append("**RemediationRequest:** `").append(namespace).append('/').append(name).append("`\n");
    if (s != null) {
      b.append("**Signal:** ").append(s.signalName());
      if (s.severity() != null) {
        b.append(" (").append(s.severity()).append(')');
      }
      b.append('\n');
      if (s.target() != null) {
        b.append("**Target:** `").append(s.target().display()).append("`\n");
      }
      if (s.signalFingerprint() != null) {
        b.append("**Fingerprint:** `").append(s.signalFingerprint()).append("`\n");
      }
      if (s.environment() != null || s.priority() != null) {
        b.append("**Environment / priority:** ")
            .append(s.environment() == null ? "-" : s.environment())
            .append(" / ")
            .append(s.priority() == null ? "-" : s.priority())
            .append('\n');
      }
    }
    b.append("**Workflow ID:** `").append(workflowId).append("`\n");
    return b.toString();
  }

  /** Current details: phase, what it waits for, deadlines, attempts and (when terminal) outcome. */
  public static String markdown(
      Phase phase,
      String waitingFor,
      Instant phaseDeadline,
      Duration phaseBudget,
      Instant globalDeadline,
      int recoveryAttempts,
      int maxRecoveryAttempts,
      Outcome outcome,
      String reason,
      String message) {
    StringBuilder b = new StringBuilder();
    b.append("**Phase:** ").append(phase);
    if (outcome != null) {
      b.append(" (").append(outcome).append(')');
    }
    b.append('\n');
    if (phase.isTerminal()) {
      if (reason != null) {
        b.append("**Reason:** ").append(reason).append('\n');
      }
      if (message != null) {
        b.append("**Message:** ").append(message).append('\n');
      }
    } else {
      if (waitingFor != null) {
        b.append("**Waiting for:** ").append(waitingFor).append('\n');
      }
      if (phaseDeadline != null && phaseBudget != null) {
        b.append("**Phase deadline:** ")
            .append(phaseDeadline)
            .append(" (")
            .append(Timeouts.human(phaseBudget))
            .append(")\n");
      }
      if (globalDeadline != null) {
        b.append("**Global deadline:** ").append(globalDeadline).append('\n');
      }
    }
    b.append("**Recovery attempts:** ")
        .append(recoveryAttempts)
        .append(" of ")
        .append(maxRecoveryAttempts)
        .append('\n');
    return b.toString();
  }
}
