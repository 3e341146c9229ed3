package ai.kubernaut.orchestrator.sandbox.controllers;

import static ai.kubernaut.orchestrator.sandbox.controllers.Scripts.script;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.CONFIG;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.NOW;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.context;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.drive;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.rar;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.ApprovalOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalRequestControllerTest {

  private final ApprovalRequestController controller =
      new ApprovalRequestController(null, CONFIG, null, null, null);

  @Test
  void approvesAfterTheApprovalDelay() {
    RemediationApprovalRequest rar = rar("ns", "oom");
    Script script = script(Script.APPROVAL_DELAY, "2s");

    var step = controller.next(rar, context(script));
    var states = drive(controller, rar, context(script));

    assertThat(step).get().extracting(Step::delay).isEqualTo(Duration.ofSeconds(2));
    assertThat(states).containsExactly("Approved");
    RemediationApprovalRequestStatus status = rar.getStatus();
    assertThat(status.getDecidedBy()).isEqualTo("sandbox-approver");
    assertThat(status.getDecidedVia()).isEqualTo("kubectl");
    assertThat(status.getDecidedAt()).isEqualTo(NOW.toString());
    assertThat(status.getDecisionMessage()).contains("sandbox.kubernaut.ai/approval=approve");
  }

  @Test
  void rejectsWhenScriptedTo() {
    RemediationApprovalRequest rar = rar("ns", "oom");

    var states = drive(controller, rar, context(script(Script.APPROVAL, ApprovalOutcome.REJECT)));

    assertThat(states).containsExactly("Rejected");
    assertThat(rar.getStatus().getDecision()).isEqualTo(ApprovalDecision.REJECTED);
  }

  @Test
  void neverDecidesWhenScriptedNone() {
    RemediationApprovalRequest rar = rar("ns", "oom");

    var step = controller.next(rar, context(script(Script.APPROVAL, ApprovalOutcome.NONE)));

    assertThat(step).isEmpty();
  }

  @Test
  void leavesADecidedRequestAlone() {
    RemediationApprovalRequest rar = rar("ns", "oom");
    rar.setStatus(new RemediationApprovalRequestStatus());
    rar.getStatus().setDecision(ApprovalDecision.EXPIRED);

    assertThat(controller.isFinished(rar)).isTrue();
  }

  @Test
  void takesRequiredByAsTheDeadline() {
    RemediationApprovalRequest rar = rar("ns", "oom");

    assertThat(controller.deadline(rar)).contains("2099-01-01T00:00:00Z");
  }
}
