package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The activity option sets of the RemediationWorkflow, declared once (STYLE §4.4). Each stops
 * retrying on the non-retryable {@link FailureTypes}; every other failure (API server down, 429,
 * 5xx, write conflicts: seed categories B and E) is retried with backoff.
 */
public final class RemediationActivityOptions {

  private static final String[] NON_RETRYABLE = {
    FailureTypes.INVALID_SPEC,
    FailureTypes.CHILD_OWNED_BY_OTHER,
    FailureTypes.REMEDIATION_REQUEST_GONE,
    FailureTypes.FORBIDDEN,
    FailureTypes.NOT_FOUND
  };

  /**
   * Creating children, recording decisions, marking children terminal, validating the RR: retried
   * with backoff up to a minute apart and without an attempt limit, but the workflow bounds each
   * call by its remaining phase budget ({@link #withBudget}): an API server outage pauses the
   * remediation (visible as a pending activity with its last error) until the phase deadline, and
   * then the remediation times out in that phase.
   */
  public static final ActivityOptions KUBE_WRITE =
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)))
          .build();

  /** RR status writes: like {@link #KUBE_WRITE} (conflicts are retried by the activity itself). */
  public static final ActivityOptions STATUS_WRITE = KUBE_WRITE;

  /**
   * Validation and RR status writes run as local activities (runs since change {@code
   * local-writes}): the same timeouts and retries as {@link #KUBE_WRITE}; a retry that waits longer
   * than 10 s waits on a durable timer instead of keeping the workflow task open.
   */
  public static final LocalActivityOptions LOCAL_WRITE =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(KUBE_WRITE.getStartToCloseTimeout())
          .setLocalRetryThreshold(Duration.ofSeconds(10))
          .setRetryOptions(KUBE_WRITE.getRetryOptions())
          .build();

  /**
   * Re-reading a child before a timeout is declared: quick retries, bounded to two minutes; when
   * the read keeps failing the workflow goes on as if the child had not finished.
   */
  public static final ActivityOptions KUBE_READ =
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(backoff(Duration.ofMillis(500), Duration.ofSeconds(10)))
          .build();

  /**
   * NotificationRequests: retried for up to ten minutes; a notification that cannot be created is
   * recorded as a Warning Event and never changes the remediation's outcome.
   */
  public static final ActivityOptions NOTIFY =
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setScheduleToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)))
          .build();

  /**
   * NotificationRequests as local activities (runs since change {@code local-writes}): as {@link
   * #NOTIFY}, with retries more than 10 s apart waiting on a durable timer.
   */
  public static final LocalActivityOptions LOCAL_NOTIFY =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(NOTIFY.getStartToCloseTimeout())
          .setScheduleToCloseTimeout(NOTIFY.getScheduleToCloseTimeout())
          .setLocalRetryThreshold(Duration.ofSeconds(10))
          .setRetryOptions(NOTIFY.getRetryOptions())
          .build();

  /**
   * The cluster-wide termination rate (a list over all RRs): bounded to two minutes; unavailable
   * means the recovery is refused (termination_rate_unavailable).
   */
  public static final ActivityOptions CLUSTER_READ =
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setScheduleToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofSeconds(20)))
          .build();

  /**
   * Routing calls to the coordination workflows (update-with-start, release): retried with backoff,
   * bounded by the remaining phase budget like {@link #KUBE_WRITE}; a registration can wait out the
   * duplicate settle window (seconds), hence the longer start-to-close.
   */
  public static final ActivityOptions ROUTING =
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)))
          .build();

  /**
   * Registering with the fingerprint coordinator and acquiring the target's lock: both wait for
   * another workflow's answer (the registration for the duplicate settle window too), and under a
   * burst for that workflow's turn, so one attempt may take minutes. The activity heartbeats every
   * few seconds while it waits, so a lost worker is noticed after 30 s instead of after the
   * start-to-close. An attempt that outlived a short start-to-close was retried while its update
   * still ran, and its answer was thrown away.
   */
  public static final ActivityOptions ROUTING_WAIT =
      ActivityOptions.newBuilder(ROUTING)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .build();

  /** A best-effort lookup through the Temporal client: a few quick attempts, then do without. */
  public static final ActivityOptions TEMPORAL_LOOKUP =
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumAttempts(3)
                  .build())
          .build();

  // The sets are declared with ABANDON, which histories recorded before change
  // "cancel-waits-for-writes" replay with; runs since then use waitForCancellation for every write.

  private RemediationActivityOptions() {}

  /**
   * Exponential backoff (factor 2) between {@code initial} and {@code max}; typed failures stop.
   */
  private static RetryOptions backoff(Duration initial, Duration max) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(max)
        .setDoNotRetry(NON_RETRYABLE)
        .build();
  }

  /**
   * {@code options} for a write: on cancel the workflow sends the activity a cancel request and
   * waits until the attempt in flight has ended (it does not heartbeat, so it runs to its end)
   * before the compensation runs. A child the attempt creates is then known and marked terminal
   * with the others, and no write lands after the terminal status. A write waiting for its next
   * retry is cancelled at once. Reads keep ABANDON: nothing of theirs can land later.
   */
  public static ActivityOptions waitForCancellation(ActivityOptions options) {
    return ActivityOptions.newBuilder(options)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .build();
  }

  /**
   * {@code options} retried for at most {@code budget} (schedule-to-close), or its own bound when
   * that is shorter. The remediation passes the time left until the deadline it waits for, so a
   * Kubernetes API outage ends in that phase's timeout instead of an activity retrying for ever.
   */
  public static ActivityOptions withBudget(ActivityOptions options, Duration budget) {
    Duration own = options.getScheduleToCloseTimeout();
    if (own != null && !own.isZero() && own.compareTo(budget) <= 0) {
      return options;
    }
    ActivityOptions.Builder b =
        ActivityOptions.newBuilder(options).setScheduleToCloseTimeout(budget);
    if (options.getStartToCloseTimeout() != null
        && options.getStartToCloseTimeout().compareTo(budget) > 0) {
      b.setStartToCloseTimeout(budget);
    }
    return b.build();
  }

  /** {@link #withBudget(ActivityOptions, Duration)} for a local activity. */
  public static LocalActivityOptions withBudget(LocalActivityOptions options, Duration budget) {
    Duration own = options.getScheduleToCloseTimeout();
    if (own != null && !own.isZero() && own.compareTo(budget) <= 0) {
      return options;
    }
    LocalActivityOptions.Builder b =
        LocalActivityOptions.newBuilder(options).setScheduleToCloseTimeout(budget);
    if (options.getStartToCloseTimeout() != null
        && options.getStartToCloseTimeout().compareTo(budget) > 0) {
      b.setStartToCloseTimeout(budget);
    }
    return b.build();
  }

  /** {@code options} with a UI summary for one call (SPEC §8 activity summaries). */
  public static ActivityOptions withSummary(ActivityOptions options, String summary) {
    return ActivityOptions.newBuilder(options).setSummary(summary).build();
  }
}
