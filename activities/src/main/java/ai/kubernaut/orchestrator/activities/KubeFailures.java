package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * Classifies Kubernetes API failures once, in Temporal terms (SPEC §6, seed categories A–F).
 *
 * <ul>
 *   <li>5xx, 429, 408, 409 (a conflict that reaches here was not resolved by the caller), 401
 *       (credentials may be rotated), timeouts and IO/connection errors: the original exception is
 *       returned, so the activity throws it and Temporal retries with backoff (B, E).
 *   <li>400 and 422: non-retryable {@link FailureTypes#INVALID_SPEC} (C).
 *   <li>403: retried for {@link #FORBIDDEN_GRACE} after the activity was first scheduled (right
 *       after a kube-apiserver restart it answers 403 for a few seconds, until its RBAC authorizer
 *       has loaded the roles), then non-retryable {@link FailureTypes#FORBIDDEN}: a permission that
 *       is still missing is a configuration failure.
 *   <li>404: non-retryable {@link FailureTypes#NOT_FOUND}. Callers for whom a 404 means something
 *       else ("not yet" while reading a child, "gone" for the RR) handle it before classifying.
 * </ul>
 *
 * <p>A 409 on create is never classified: the create-or-adopt writer turns it into an adoption.
 */
public final class KubeFailures {

  private static final int MAX_DETAIL = 300;

  private KubeFailures() {}

  /**
   * How long a 403 counts as transient, from the first attempt of the activity: with the
   * remediation's backoff (1 s doubling, at most 1 min) that is about eight attempts. It has to
   * cover an attempt that began before a kube-apiserver restart, the restart itself and the
   * authorizer's warm-up after it (a real-tier finding: with 30 s, activities scheduled some 30 s
   * before a 5 s restart met the warm-up's 403s after their grace and ended Forbidden).
   */
  public static final Duration FORBIDDEN_GRACE = Duration.ofMinutes(2);

  /** What the caller was doing, for the failure message (e.g. "create SignalProcessing sp-x"). */
  public static RuntimeException classify(RuntimeException e, String action) {
    return classify(e, action, sinceFirstAttempt());
  }

  /**
   * Like {@link #classify(RuntimeException, String)}, with the time since the activity's first
   * attempt was scheduled (null outside an activity: no grace for a 403).
   */
  static RuntimeException classify(RuntimeException e, String action, Duration sinceFirstAttempt) {
    if (e instanceof ApplicationFailure) {
      return e;
    }
    Optional<Integer> code = code(e);
    if (code.isEmpty()) {
      return e; // IO, timeout, interrupted: retryable
    }
    return switch (code.get()) {
      case 400, 422 ->
          nonRetryable(FailureTypes.INVALID_SPEC, action + " was rejected as invalid", e);
      case 403 ->
          sinceFirstAttempt != null && sinceFirstAttempt.compareTo(FORBIDDEN_GRACE) < 0
              ? e // maybe an API server whose authorizer is still loading: retry a little
              : nonRetryable(FailureTypes.FORBIDDEN, action + " is forbidden", e);
      case 404 -> nonRetryable(FailureTypes.NOT_FOUND, action + " found nothing to act on", e);
      default -> e; // 401, 408, 409, 429, 5xx and anything unknown: retry with backoff
    };
  }

  /**
   * Time from the running activity's first attempt to this one, both as the Temporal server
   * scheduled them (no clock of ours involved); null outside an activity.
   */
  private static Duration sinceFirstAttempt() {
    ActivityInfo info;
    try {
      info = Activity.getExecutionContext().getInfo();
    } catch (RuntimeException notInAnActivity) {
      return null;
    }
    long elapsed = info.getCurrentAttemptScheduledTimestamp() - info.getScheduledTimestamp();
    return Duration.ofMillis(Math.max(0, elapsed));
  }

  /** True when {@code e} is retryable under {@link #classify}. */
  public static boolean isRetryable(RuntimeException e) {
    return classify(e, "") == e;
  }

  /** The HTTP status of a Kubernetes client failure, when there was a response. */
  public static Optional<Integer> code(Throwable e) {
    if (e instanceof KubernetesClientException kce && kce.getCode() > 0) {
      return Optional.of(kce.getCode());
    }
    return Optional.empty();
  }

  public static boolean isNotFound(Throwable e) {
    return code(e).filter(c -> c == 404).isPresent();
  }

  public static boolean isConflict(Throwable e) {
    return code(e).filter(c -> c == 409).isPresent();
  }

  private static ApplicationFailure nonRetryable(String type, String message, RuntimeException e) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        message + " (HTTP " + code(e).orElse(0) + ": " + detail(e) + ")", type, e);
  }

  /** The API server's status message, bounded; never the request body. */
  private static String detail(RuntimeException e) {
    String message = null;
    if (e instanceof KubernetesClientException kce && kce.getStatus() != null) {
      message = kce.getStatus().getMessage();
    }
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
  }
}
