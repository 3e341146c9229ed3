package ai.kubernaut.orchestrator.activities;

import static ai.kubernaut.orchestrator.activities.TestRemediations.ref;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.kube.NotificationRequestFactory;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(StandInExtension.class)
class NotificationActivitiesImplIT {

  static KubernetesApiStandIn api;
  static KubernetesClient client;

  String ns;
  RemediationRequest rr;
  RemediationRef rrRef;
  ActivityMetrics metrics;
  NotificationActivitiesImpl activities;
  TestActivityEnvironment env;
  NotificationActivities stub;

  @BeforeEach
  void setUp() {
    ns = StandIn.namespace(api);
    rr = StandIn.create(client, ns, rr("disk-full").build());
    rrRef = ref(rr);
    metrics = ActivityMetrics.inMemory();
    activities = new NotificationActivitiesImpl(client, metrics);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(activities);
    stub = env.newActivityStub(NotificationActivities.class, StandIn.once());
  }

  @AfterEach
  void tearDown() {
    api.faults().clear();
    env.close();
  }

  @ParameterizedTest
  @EnumSource(NotificationType.class)
  void createsOneLabelledUnownedNotificationPerType(NotificationType type) {
    NotificationRef ref = activities.createNotification(order(type, false));

    NotificationRequest nr = get(ref.name());
    assertThat(ref.name()).isEqualTo("nr-" + type.name().toLowerCase() + "-disk-full");
    assertThat(ref.uid()).isEqualTo(nr.getMetadata().getUid());
    assertThat(ref.type()).isEqualTo(type);
    assertThat(nr.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(nr.getMetadata().getLabels()).containsEntry(Labels.REMEDIATION_REQUEST, "disk-full");
    assertThat(nr.getSpec().getType().value()).isEqualTo(type.name());
    assertThat(nr.getSpec().getSubject()).contains("HighMemoryUsage");
    assertThat(nr.getSpec().getBody()).contains("cluster eu-1").contains("temporal workflow show");
    assertThat(nr.getSpec().getRemediationRequestRef().getUid()).isEqualTo(rrRef.uid());
    assertThat(nr.getSpec().getMetadata()).containsEntry("workflowId", "rr/x");
  }

  @Test
  void aRepeatReturnsTheExistingNotification() {
    NotificationRef first = activities.createNotification(order(NotificationType.Approval, false));
    NotificationRef second = activities.createNotification(order(NotificationType.Approval, false));

    assertThat(second).isEqualTo(first);
    assertThat(client.resources(NotificationRequest.class).inNamespace(ns).list().getItems())
        .hasSize(1);
    assertThat(
            metrics
                .registry()
                .find(ActivityMetrics.NOTIFICATIONS)
                .tags("type", "Approval", "result", "unchanged")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aNotificationOfAnEarlierRrWithTheSameNameIsNotAdopted() {
    NotificationRequest earlier =
        NotificationRequestFactory.desired(order(NotificationType.Escalation, false), null);
    earlier
        .getSpec()
        .getRemediationRequestRef()
        .setUid("0ld0ld00-0000-0000-0000-000000000000"); // the RR deleted and created again
    client.resource(earlier).create();

    NotificationRef ref = activities.createNotification(order(NotificationType.Escalation, false));
    NotificationRef again =
        activities.createNotification(order(NotificationType.Escalation, false));

    assertThat(ref.name())
        .startsWith("nr-escalation-disk-full-")
        .isNotEqualTo(earlier.getMetadata().getName());
    assertThat(ChildNames.isValid(ref.name())).isTrue();
    assertThat(get(ref.name()).getSpec().getRemediationRequestRef().getUid())
        .isEqualTo(rrRef.uid());
    assertThat(again).isEqualTo(ref);
    assertThat(get("nr-escalation-disk-full").getSpec().getRemediationRequestRef().getUid())
        .startsWith("0ld0ld00");
  }

  @Test
  void theBulkNotificationListsTheDuplicates() {
    NotificationRef ref = activities.createNotification(order(NotificationType.Simple, true));

    NotificationRequest nr = get(ref.name());
    assertThat(ref.name()).isEqualTo("nr-bulk-disk-full");
    assertThat(nr.getSpec().getBody()).contains("Duplicates (2):").contains("disk-full-2");
    assertThat(nr.getSpec().getMetadata()).containsEntry("duplicateCount", "2");
  }

  @Test
  void stillNotifiesWhenTheRrIsGone() {
    client.resource(rr).delete();

    NotificationRef ref =
        activities.createNotification(order(NotificationType.StatusUpdate, false));

    assertThat(get(ref.name()).getSpec().getBody()).contains("cluster local");
  }

  @Test
  void aForbiddenCreateIsRetriedAtFirst() {
    api.faults().add(FaultRule.on("POST", ".*/notificationrequests").respond(403));

    // the first attempt is within KubeFailures.FORBIDDEN_GRACE (ForbiddenGraceIT shows the end)
    assertThatThrownBy(() -> stub.createNotification(order(NotificationType.Escalation, false)))
        .satisfies(
            thrown -> assertThat(StandIn.applicationFailure(thrown).isNonRetryable()).isFalse());
  }

  @Test
  void aMissingNamespaceIsNotRetried() {
    NotificationOrder order = order(NotificationType.Escalation, false);
    NotificationOrder elsewhere =
        new NotificationOrder(
            new RemediationRef("no-such-namespace", "disk-full", "uid-x"),
            order.type(),
            order.priority(),
            order.bulk(),
            order.workflowId(),
            order.phase(),
            order.reason(),
            order.message(),
            order.signalName(),
            order.severity(),
            order.target(),
            order.environment(),
            order.recoveryAttempts(),
            order.timeline(),
            order.duplicates(),
            null);
    api.faults()
        .add(FaultRule.on("POST", ".*/no-such-namespace/notificationrequests").respond(404));

    assertThatThrownBy(() -> stub.createNotification(elsewhere))
        .satisfies(
            thrown -> {
              ApplicationFailure failure = StandIn.applicationFailure(thrown);
              assertThat(failure.getType()).isEqualTo(FailureTypes.NOT_FOUND);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  private NotificationOrder order(NotificationType type, boolean bulk) {
    return new NotificationOrder(
        rrRef,
        type,
        type == NotificationType.ManualReview ? NotificationPriority.Critical : null,
        bulk,
        "rr/x",
        Phase.Failed,
        "SomeReason",
        "something happened",
        "HighMemoryUsage",
        "critical",
        "Deployment/shop/web",
        "production",
        0,
        List.of("Processing: SignalProcessing completed"),
        bulk ? List.of("disk-full-1", "disk-full-2") : List.of(),
        null);
  }

  private NotificationRequest get(String name) {
    NotificationRequest nr =
        client.resources(NotificationRequest.class).inNamespace(ns).withName(name).get();
    assertThat(nr).as(name).isNotNull();
    return nr;
  }
}
