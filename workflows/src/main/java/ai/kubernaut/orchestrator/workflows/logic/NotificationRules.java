package ai.kubernaut.orchestrator.workflows.logic;

import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import java.util.Locale;

/**
 * NotificationRequest priorities. At most one NR per (type, RR) exists (names are {@code
 * nr-<type>-<rr>}), and the workflow sends each type at most once: Approval on the first approval,
 * Escalation / ManualReview / Completion / StatusUpdate at the end.
 */
public final class NotificationRules {

  private NotificationRules() {}

  private static boolean critical(String severity) {
    return severity != null && severity.trim().toLowerCase(Locale.ROOT).equals("critical");
  }

  /** Approval: High for a critical signal, else Medium. */
  public static NotificationPriority approval(String severity) {
    return critical(severity) ? NotificationPriority.High : NotificationPriority.Medium;
  }

  /**
   * Escalation of a failure that is not a timeout: Critical for a critical signal, else High. (The
   * {@code globalTimeout} flag is kept for callers that pass it; timeouts use {@link #timeout}.)
   */
  public static NotificationPriority escalation(boolean globalTimeout, String severity) {
    return globalTimeout || critical(severity)
        ? NotificationPriority.Critical
        : NotificationPriority.High;
  }

  /**
   * Escalation of a timeout (SPEC §3): Critical for the global timeout, High for a phase timeout,
   * whatever the signal's severity.
   */
  public static NotificationPriority timeout(boolean global) {
    return global ? NotificationPriority.Critical : NotificationPriority.High;
  }

  /** ManualReview: Critical when recovery was refused (SPEC §3), else High. */
  public static NotificationPriority manualReview(boolean recoveryRefused, String severity) {
    return recoveryRefused || critical(severity)
        ? NotificationPriority.Critical
        : NotificationPriority.High;
  }

  /** Completion and StatusUpdate are informational. */
  public static NotificationPriority informational() {
    return NotificationPriority.Low;
  }
}
