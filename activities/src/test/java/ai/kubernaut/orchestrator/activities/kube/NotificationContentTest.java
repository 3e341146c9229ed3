package ai.kubernaut.orchestrator.activities.kube;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.kube.NotificationContent;
import ai.kubernaut.orchestrator.kube.NotificationRequestFactory;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationContentTest {

  private static final RemediationRef RR = new RemediationRef("shop", "disk-full", "uid-1");
  private static final String WF = "rr/shop/disk-full/uid-1";

  static NotificationOrder order(NotificationType type, Phase phase, String reason, String msg) {
    return new NotificationOrder(
        RR,
        type,
        null,
        false,
        WF,
        phase,
        reason,
        msg,
        "HighMemoryUsage",
        "critical",
        "Deployment/shop/web",
        "production",
        1,
        List.of(
            "Processing: SignalProcessing sp-disk-full completed",
            "Analyzing: AI selected restart-pods"),
        List.of(),
        null);
  }

  @ParameterizedTest
  @EnumSource(NotificationType.class)
  void everyTypeSaysWhatWhereWhyAndHowToLook(NotificationType type) {
    NotificationOrder order =
        order(type, Phase.Failed, "SignalProcessingFailed", "enricher crashed");

    NotificationContent content = NotificationContent.of(order, "eu-1");

    assertThat(content.subject()).startsWith("[Kubernaut]").contains("HighMemoryUsage");
    assertThat(content.subject()).contains("Deployment/shop/web");
    assertThat(content.body())
        .contains("HighMemoryUsage")
        .contains("severity critical")
        .contains("Deployment/shop/web")
        .contains("namespace shop")
        .contains("cluster eu-1")
        .contains("environment production")
        .contains("SignalProcessingFailed: enricher crashed")
        .contains("What happened so far:")
        .contains("- Analyzing: AI selected restart-pods")
        .contains("kubectl describe rr disk-full -n shop")
        .contains("temporal workflow show -w " + WF);
    assertThat(content.metadata())
        .containsEntry("workflowId", WF)
        .containsEntry("phase", "Failed")
        .containsEntry("reason", "SignalProcessingFailed")
        .containsEntry("target", "Deployment/shop/web")
        .containsEntry("environment", "production")
        .containsEntry("remediationRequest", "disk-full");
  }

  @Test
  void escalationIsHighAndNamesTheReasonInTheSubject() {
    NotificationContent content =
        NotificationContent.of(
            order(
                NotificationType.Escalation,
                Phase.Failed,
                "InvalidSpec",
                "spec.severity: is required"),
            null);

    assertThat(content.priority()).isEqualTo(NotificationPriority.High);
    assertThat(content.subject())
        .isEqualTo(
            "[Kubernaut] Remediation failed: HighMemoryUsage (critical) on Deployment/shop/web — InvalidSpec");
    assertThat(content.body()).contains("cluster local").contains("--name retry -w " + WF);
  }

  @Test
  void manualReviewIsCritical() {
    NotificationContent content =
        NotificationContent.of(
            order(
                NotificationType.ManualReview,
                Phase.Failed,
                "max_recovery_attempts_exceeded",
                null),
            null);

    assertThat(content.priority()).isEqualTo(NotificationPriority.Critical);
    assertThat(content.subject()).startsWith("[Kubernaut] Manual review required:");
    assertThat(content.body()).contains("a person must review it");
  }

  @Test
  void approvalTellsHowToApproveAndReject() {
    NotificationContent content =
        NotificationContent.of(
            order(NotificationType.Approval, Phase.AwaitingApproval, "confidence below 0.8", null),
            null);

    assertThat(content.priority()).isEqualTo(NotificationPriority.High);
    assertThat(content.subject())
        .isEqualTo(
            "[Kubernaut] Approval required: HighMemoryUsage (critical) on Deployment/shop/web");
    assertThat(content.body())
        .contains("temporal workflow update execute --name approve -w " + WF)
        .contains("temporal workflow update execute --name reject -w " + WF);
  }

  @Test
  void completionIsLow() {
    NotificationContent content =
        NotificationContent.of(
            order(NotificationType.Completion, Phase.Completed, null, null), null);

    assertThat(content.priority()).isEqualTo(NotificationPriority.Low);
    assertThat(content.subject()).startsWith("[Kubernaut] Remediated: HighMemoryUsage");
    assertThat(content.body()).doesNotContain("Why:");
  }

  @Test
  void statusUpdateNamesThePhase() {
    NotificationContent content =
        NotificationContent.of(
            order(
                NotificationType.StatusUpdate, Phase.Cancelled, "Cancelled", "cancelled by alice"),
            null);

    assertThat(content.priority()).isEqualTo(NotificationPriority.Medium);
    assertThat(content.subject()).startsWith("[Kubernaut] Remediation Cancelled:");
    assertThat(content.body()).contains("cancelled by alice");
  }

  @Test
  void theWorkflowsPriorityWins() {
    NotificationOrder base =
        order(NotificationType.Escalation, Phase.TimedOut, "GlobalTimeout", null);
    NotificationOrder critical =
        new NotificationOrder(
            base.rr(),
            base.type(),
            NotificationPriority.Critical,
            false,
            base.workflowId(),
            base.phase(),
            base.reason(),
            base.message(),
            base.signalName(),
            base.severity(),
            base.target(),
            base.environment(),
            base.recoveryAttempts(),
            base.timeline(),
            base.duplicates(),
            null);

    assertThat(NotificationContent.of(critical, null).priority())
        .isEqualTo(NotificationPriority.Critical);
  }

  @Test
  void bulkListsTheDuplicatesAndTheirCount() {
    List<String> duplicates =
        IntStream.rangeClosed(1, 60).mapToObj(i -> "disk-full-dup-" + i).toList();
    NotificationOrder bulk =
        new NotificationOrder(
            RR,
            NotificationType.Simple,
            null,
            true,
            WF,
            Phase.Completed,
            null,
            null,
            "HighMemoryUsage",
            "critical",
            "Deployment/shop/web",
            "production",
            0,
            List.of(),
            duplicates,
            null);

    NotificationContent content = NotificationContent.of(bulk, null);
    NotificationRequest nr = NotificationRequestFactory.desired(bulk, null);

    assertThat(content.subject()).contains("60 duplicate alert(s)");
    assertThat(content.body())
        .contains("Duplicates (60):")
        .contains("- disk-full-dup-1\n")
        .contains("- disk-full-dup-50\n")
        .doesNotContain("disk-full-dup-51\n")
        .contains("… and 10 more");
    assertThat(content.metadata()).containsEntry("duplicateCount", "60");
    assertThat(content.priority()).isEqualTo(NotificationPriority.Low);
    assertThat(nr.getMetadata().getName()).isEqualTo("nr-bulk-disk-full");
  }

  @Test
  void notificationRequestIsLabelledButNotOwned() {
    NotificationOrder order = order(NotificationType.ManualReview, Phase.Failed, "x", null);

    NotificationRequest nr = NotificationRequestFactory.desired(order, "eu-1");

    assertThat(nr.getMetadata().getName()).isEqualTo("nr-manualreview-disk-full");
    assertThat(nr.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(nr.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(nr.getMetadata().getLabels()).containsEntry(Labels.REMEDIATION_REQUEST, "disk-full");
    assertThat(nr.getSpec().getType().value()).isEqualTo("ManualReview");
    assertThat(nr.getSpec().getPriority().value()).isEqualTo("Critical");
    assertThat(nr.getSpec().getRemediationRequestRef().getUid()).isEqualTo("uid-1");
    assertThat(nr.getSpec().getRemediationRequestRef().getKind()).isEqualTo("RemediationRequest");
    assertThat(nr.getSpec().getMetadata()).containsEntry("cluster", "eu-1");
  }

  @Test
  void longTimelinesKeepTheMostRecentSteps() {
    List<String> timeline = IntStream.rangeClosed(1, 40).mapToObj(i -> "step " + i).toList();
    NotificationOrder order =
        new NotificationOrder(
            RR,
            NotificationType.Escalation,
            null,
            false,
            WF,
            Phase.Failed,
            "r",
            null,
            "s",
            "warning",
            "t",
            null,
            0,
            timeline,
            List.of(),
            null);

    String body = NotificationContent.of(order, null).body();

    assertThat(body)
        .contains("… 10 earlier step(s)")
        .contains("- step 40\n")
        .doesNotContain("- step 10\n");
  }
}
