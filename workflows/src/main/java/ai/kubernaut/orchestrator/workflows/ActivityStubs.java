package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationActivityOptions.withSummary;

import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import io.temporal.activity.ActivityOptions;
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

  /**
   * Whether a cancel waits for the write attempts in flight ({@link
   * RemediationActivityOptions#waitForCancellation}); false replays runs recorded before.
   */
  private boolean writesWaitOnCancel;

  /** From now on a cancel waits for every write in flight (see {@link #writesWaitOnCancel}). */
  void waitForWritesOnCancel() {
    writesWaitOnCancel = true;
  }

  RoutingActivities routing(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, bounded(RemediationActivityOptions.ROUTING, summary));
  }

  RoutingActivities temporalLookup(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, withSummary(RemediationActivityOptions.TEMPORAL_LOOKUP, summary));
  }

  ValidationActivities validation(String summary) {
    return Workflow.newActivityStub(
        ValidationActivities.class, bounded(RemediationActivityOptions.KUBE_WRITE, summary));
  }

  ChildActivities child(String summary) {
    return child(summary, false);
  }

  ChildActivities child(String summary, boolean read) {
    ActivityOptions o =
        read
            ? withSummary(RemediationActivityOptions.KUBE_READ, summary)
            : bounded(RemediationActivityOptions.KUBE_WRITE, summary);
    return Workflow.newActivityStub(ChildActivities.class, o);
  }

  NotificationActivities notifications(String summary) {
    return Workflow.newActivityStub(
        NotificationActivities.class, bounded(RemediationActivityOptions.NOTIFY, summary));
  }

  StatusActivities statusWriter(String summary) {
    return Workflow.newActivityStub(
        StatusActivities.class, bounded(RemediationActivityOptions.STATUS_WRITE, summary));
  }

  /**
   * A write's {@code options} with its summary, retried at most for the budget (or its own bound),
   * and waited for on cancel once {@link #waitForWritesOnCancel} was called.
   */
  private ActivityOptions bounded(ActivityOptions options, String summary) {
    ActivityOptions chosen =
        writesWaitOnCancel ? RemediationActivityOptions.waitForCancellation(options) : options;
    return RemediationActivityOptions.withBudget(withSummary(chosen, summary), budget.get());
  }
}
