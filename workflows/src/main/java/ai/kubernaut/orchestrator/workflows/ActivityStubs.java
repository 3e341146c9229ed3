package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationActivityOptions.withSummary;

import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Creates the activity stubs of the remediation workflow, each with the summary shown in the
 * Temporal UI.
 */
final class ActivityStubs {
  private final Supplier<Duration> budget;

  /**
   * @param budget how long the next Kubernetes write or routing call may keep retrying (the
   *     schedule-to-close of its options): the remaining phase budget, so a timer is never starved
   */
  ActivityStubs(Supplier<Duration> budget) {
    this.budget = budget;
  }

  /** What a cancel does to a write in flight (by the run's version of the change). */
  enum WriteOnCancel {
    /** Runs recorded before change {@code cancel-waits-for-writes}: the write is abandoned. */
    ABANDON,
    /** Version 1: the server is asked to cancel it and the workflow waits for its end. */
    WAIT_FOR_CANCELLATION,
    /**
     * Version 2: the write is not cancelled at all; it runs to its end in a detached scope, and the
     * cancellation takes effect right after it (no cancel command is sent for it).
     */
    FINISH_THEN_CANCEL
  }

  private WriteOnCancel writeOnCancel = WriteOnCancel.ABANDON;

  void onCancel(WriteOnCancel value) {
    writeOnCancel = value;
  }

  private boolean localWrites;

  /** Validation and status writes run as local activities (version of the run's rule). */
  void localWrites(boolean value) {
    localWrites = value;
  }

  RoutingActivities routing(String summary) {
    return write(RoutingActivities.class, RemediationActivityOptions.ROUTING, summary);
  }

  /** Registration and lock acquisition: they wait for a coordination workflow's answer. */
  RoutingActivities routingWait(String summary) {
    return write(RoutingActivities.class, RemediationActivityOptions.ROUTING_WAIT, summary);
  }

  RoutingActivities temporalLookup(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, withSummary(RemediationActivityOptions.TEMPORAL_LOOKUP, summary));
  }

  ValidationActivities validation(String summary) {
    return localWrites
        ? local(ValidationActivities.class, RemediationActivityOptions.LOCAL_WRITE, summary)
        : write(ValidationActivities.class, RemediationActivityOptions.KUBE_WRITE, summary);
  }

  ChildActivities child(String summary) {
    return child(summary, false);
  }

  ChildActivities child(String summary, boolean read) {
    return read
        ? Workflow.newActivityStub(
            ChildActivities.class, withSummary(RemediationActivityOptions.KUBE_READ, summary))
        : write(ChildActivities.class, RemediationActivityOptions.KUBE_WRITE, summary);
  }

  NotificationActivities notifications(String summary) {
    return localWrites
        ? local(NotificationActivities.class, RemediationActivityOptions.LOCAL_NOTIFY, summary)
        : write(NotificationActivities.class, RemediationActivityOptions.NOTIFY, summary);
  }

  StatusActivities statusWriter(String summary) {
    return localWrites
        ? local(StatusActivities.class, RemediationActivityOptions.LOCAL_WRITE, summary)
        : write(StatusActivities.class, RemediationActivityOptions.STATUS_WRITE, summary);
  }

  /**
   * A local-activity stub for a short write decided in the current workflow task: it runs in that
   * task (a marker instead of three activity events and the task its completion would wake), with
   * the same retries and budget as a write, finished before a cancel takes effect.
   */
  private <T> T local(Class<T> type, LocalActivityOptions options, String summary) {
    T stub =
        Workflow.newLocalActivityStub(
            type,
            RemediationActivityOptions.withBudget(
                LocalActivityOptions.newBuilder(options).setSummary(summary).build(),
                budget.get()));
    return FinishThenCancel.wrap(type, stub);
  }

  /** A stub for writes of {@code type}, cancelled as {@link #writeOnCancel} says. */
  private <T> T write(Class<T> type, ActivityOptions options, String summary) {
    T stub = Workflow.newActivityStub(type, bounded(options, summary));
    return writeOnCancel == WriteOnCancel.FINISH_THEN_CANCEL
        ? FinishThenCancel.wrap(type, stub)
        : stub;
  }

  /**
   * A write's {@code options} with its summary, retried at most for the budget (or its own bound).
   */
  private ActivityOptions bounded(ActivityOptions options, String summary) {
    ActivityOptions chosen =
        writeOnCancel == WriteOnCancel.WAIT_FOR_CANCELLATION
            ? RemediationActivityOptions.waitForCancellation(options)
            : options;
    return RemediationActivityOptions.withBudget(withSummary(chosen, summary), budget.get());
  }
}
