package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.nr;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spFailed;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.failure;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What became of the NotificationRequests (BR-ORCH-029/030), also after the remediation ended. */
class NotificationDeliveryWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  @Test
  void aFailedEscalationIsSentOnceMoreAndTheSecondFailureStaysVisible(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spFailed("sp-page"),
        nr("nr-escalation-page", "Failed", "slack: channel_not_found"),
        nr("nr-escalation-page-retry-1", "Failed", "slack: channel_not_found"));
    RemediationWorkflow wf = start(env, worker, input("page"));

    failure(wf);

    assertThat(cluster.notifications)
        .extracting(NotificationOrder::type, NotificationOrder::retryOf)
        .containsExactly(
            tuple(NotificationType.Escalation, null),
            tuple(NotificationType.Escalation, "nr-escalation-page"));
    assertThat(cluster.notifications.get(1).priority())
        .isEqualTo(cluster.notifications.get(0).priority());
    StatusWrite last = cluster.lastWrite();
    assertThat(last.status().overallPhase()).isEqualTo(Phase.Failed);
    assertThat(last.status().children().notifications())
        .extracting(NotificationRef::name, NotificationRef::phase, NotificationRef::retryOf)
        .containsExactly(
            tuple("nr-escalation-page", "Failed", null),
            tuple("nr-escalation-page-retry-1", "Failed", "nr-escalation-page"));
    assertThat(events(cluster, "NotificationDeliveryFailed"))
        .extracting(EventRecord::message)
        .containsExactly(
            "Escalation notification nr-escalation-page was not delivered:"
                + " slack: channel_not_found; sending it again",
            "Escalation notification nr-escalation-page-retry-1 was not delivered:"
                + " slack: channel_not_found");
    assertThat(events(cluster, "NotificationDeliveryFailed"))
        .allMatch(e -> e.type().equals("Warning"));
    assertThat(events(cluster, "NotificationDeliveryUnconfirmed")).isEmpty();
    recordHistory(env, wf, "notification-resent");
  }

  @Test
  void aResentEscalationThatIsDeliveredEndsTheWatch(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spFailed("sp-again"),
        nr("nr-escalation-again", "Failed", "smtp 550"),
        nr("nr-escalation-again-retry-1", "Sent", "delivered"));
    RemediationWorkflow wf = start(env, worker, input("again"));

    failure(wf);

    assertThat(cluster.notifications).hasSize(2);
    assertThat(cluster.lastWrite().status().children().notifications())
        .extracting(NotificationRef::name, NotificationRef::phase)
        .containsExactly(
            tuple("nr-escalation-again", "Failed"), tuple("nr-escalation-again-retry-1", "Sent"));
  }

  @Test
  void aResendThatFailsWhileTheStatusIsWrittenIsStillReported(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster
        .script(spFailed("sp-late"), nr("nr-escalation-late", "Failed", "smtp 550"))
        .reportDuringWrite(nr("nr-escalation-late-retry-1", "Failed", "smtp 550"));
    RemediationWorkflow wf = start(env, worker, input("late"));

    failure(wf);

    assertThat(events(cluster, "NotificationDeliveryFailed"))
        .extracting(EventRecord::message)
        .containsExactly(
            "Escalation notification nr-escalation-late was not delivered: smtp 550;"
                + " sending it again",
            "Escalation notification nr-escalation-late-retry-1 was not delivered: smtp 550");
    assertThat(cluster.lastWrite().status().children().notifications())
        .extracting(NotificationRef::phase)
        .containsExactly("Failed", "Failed");
  }

  @Test
  void aDeliveredNotificationIsShownInItsReference(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-fine"),
        aiCompleted("ai-fine"),
        weCompleted("we-fine"),
        nr("nr-completion-fine", "Sending", null),
        nr("nr-completion-fine", "Sent", "delivered to #ops"));
    RemediationWorkflow wf = start(env, worker, input("fine"));

    assertThat(result(wf).phase()).isEqualTo(Phase.Completed);

    assertThat(cluster.lastWrite().status().children().notifications())
        .extracting(NotificationRef::name, NotificationRef::phase, NotificationRef::message)
        .containsExactly(tuple("nr-completion-fine", "Sent", "delivered to #ops"));
    assertThat(cluster.notifications).hasSize(1);
    assertThat(events(cluster, "NotificationDeliveryFailed")).isEmpty();
    recordHistory(env, wf, "notification-delivered");
  }

  @Test
  void aNotificationThatNeverReportsIsWatchedForABoundedTime(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.withoutNotificationController().script(spFailed("sp-quiet"));
    RemediationWorkflow wf = start(env, worker, input("quiet"));

    failure(wf);

    var info = WorkflowStub.fromTyped(wf).describe().getRawDescription().getWorkflowExecutionInfo();
    Duration open =
        Duration.ofSeconds(info.getCloseTime().getSeconds() - info.getStartTime().getSeconds());
    assertThat(open)
        .isBetween(NotificationDelivery.WATCH, NotificationDelivery.WATCH.plusMinutes(1));
    assertThat(events(cluster, "NotificationDeliveryUnconfirmed"))
        .extracting(EventRecord::message)
        .containsExactly(
            "nr-escalation-quiet reported no delivery within 10m of the end; no longer watched");
    assertThat(cluster.notifications).hasSize(1);
    assertThat(WorkflowStub.fromTyped(wf).describe().getStatus().name()).endsWith("FAILED");
  }

  private static List<EventRecord> events(FakeCluster cluster, String reason) {
    return cluster.statusWrites.stream()
        .flatMap(w -> w.events().stream())
        .filter(e -> e.reason().equals(reason))
        .toList();
  }
}
