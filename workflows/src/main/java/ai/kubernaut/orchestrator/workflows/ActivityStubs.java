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
  RoutingActivities routing(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, withSummary(RemediationActivityOptions.ROUTING, summary));
  }

  RoutingActivities temporalLookup(String summary) {
    return Workflow.newActivityStub(
        RoutingActivities.class, withSummary(RemediationActivityOptions.TEMPORAL_LOOKUP, summary));
  }

  ValidationActivities validation(String summary) {
    return Workflow.newActivityStub(
        ValidationActivities.class, withSummary(RemediationActivityOptions.KUBE_WRITE, summary));
  }

  ChildActivities child(String summary) {
    return child(summary, false);
  }

  ChildActivities child(String summary, boolean read) {
    ActivityOptions o =
        read ? RemediationActivityOptions.KUBE_READ : RemediationActivityOptions.KUBE_WRITE;
    return Workflow.newActivityStub(ChildActivities.class, withSummary(o, summary));
  }

  NotificationActivities notifications(String summary) {
    return Workflow.newActivityStub(
        NotificationActivities.class, withSummary(RemediationActivityOptions.NOTIFY, summary));
  }

  StatusActivities statusWriter(String summary) {
    return Workflow.newActivityStub(
        StatusActivities.class, withSummary(RemediationActivityOptions.STATUS_WRITE, summary));
  }
}
