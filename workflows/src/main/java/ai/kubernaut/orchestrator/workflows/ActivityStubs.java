package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationActivityOptions.withSummary;

import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * Creates the activity stubs of the remediation workflow, each with the summary shown in the
 * Temporal UI.
 */
final class ActivityStubs {

  /**
   * Whether a cancel waits for the write attempts in flight ({@link
   * RemediationActivityOptions#waitForCancellation}); false replays runs recorded before.
   */
  private boolean writesWaitOnCancel;

  /** From now on a cancel waits for every write in flight (see {@link #writesWaitOnCancel}). */
  void waitForWritesOnCancel() {
    writesWaitOnCancel = true;
  }

  private ActivityOptions write(ActivityOptions options, String summary) {
    ActivityOptions chosen =
        writesWaitOnCancel ? RemediationActivityOptions.waitForCancellation(options) : options;
    return withSummary(chosen, summary);
  }

  RoutingActivities routing(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, write(RemediationActivityOptions.ROUTING, summary));
  }

  RoutingActivities temporalLookup(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, withSummary(RemediationActivityOptions.TEMPORAL_LOOKUP, summary));
  }

  ValidationActivities validation(String summary) {
    return Workflow.newActivityStub(
        ValidationActivities.class, write(RemediationActivityOptions.KUBE_WRITE, summary));
  }

  ChildActivities child(String summary) {
    return child(summary, false);
  }

  ChildActivities child(String summary, boolean read) {
    ActivityOptions o =
        read
            ? withSummary(RemediationActivityOptions.KUBE_READ, summary)
            : write(RemediationActivityOptions.KUBE_WRITE, summary);
    return Workflow.newActivityStub(ChildActivities.class, o);
  }

  NotificationActivities notifications(String summary) {
    return Workflow.newActivityStub(
        NotificationActivities.class, write(RemediationActivityOptions.NOTIFY, summary));
  }

  StatusActivities statusWriter(String summary) {
    return Workflow.newActivityStub(
        StatusActivities.class, write(RemediationActivityOptions.STATUS_WRITE, summary));
  }
}
