package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequestStatus;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Simulated approver: after the approval delay, decides Approved or Rejected as {@value #APPROVER}
 * via {@value #DECIDED_VIA}, or never decides so the request expires ({@code
 * sandbox.kubernaut.ai/approval}). It never decides a request past its {@code requiredBy}: expiry
 * is the orchestrator's call.
 */
final class ApprovalRequestController extends ScriptedController<RemediationApprovalRequest> {

  static final String APPROVER = "sandbox-approver";
  static final String DECIDED_VIA = "kubectl";
  static final String UNDECIDED = "Undecided";

  ApprovalRequestController(
      KubernetesClient client,
      ControllerConfig config,
      RemediationRequests remediationRequests,
      ScheduledExecutorService executor,
      ChildStore<RemediationApprovalRequest> store) {
    super(RemediationApprovalRequest.class, client, config, remediationRequests, executor, store);
  }

  static ApprovalDecision decision(RemediationApprovalRequest rar) {
    return rar.getStatus() == null ? null : rar.getStatus().getDecision();
  }

  @Override
  String state(RemediationApprovalRequest rar) {
    ApprovalDecision decision = decision(rar);
    return decision == null ? UNDECIDED : decision.value();
  }

  @Override
  boolean isFinished(RemediationApprovalRequest rar) {
    return decision(rar) != null;
  }

  @Override
  ObjectReference remediationRequestRef(RemediationApprovalRequest rar) {
    return rar.getSpec() == null ? null : rar.getSpec().getRemediationRequestRef();
  }

  @Override
  Optional<String> deadline(RemediationApprovalRequest rar) {
    return Optional.ofNullable(rar.getSpec()).map(RemediationApprovalRequestSpec::getRequiredBy);
  }

  @Override
  Optional<Step<RemediationApprovalRequest>> next(
      RemediationApprovalRequest rar, StepContext context) {
    ApprovalDecision decision =
        switch (context.script().approval()) {
          case APPROVE -> ApprovalDecision.APPROVED;
          case REJECT -> ApprovalDecision.REJECTED;
          case NONE -> null;
        };
    if (decision == null) {
      return Optional.empty();
    }
    Clock clock = config().clock();
    String message =
        "%s by the sandbox script (%s=%s)"
            .formatted(
                decision == ApprovalDecision.APPROVED ? "approved" : "rejected",
                Script.APPROVAL,
                context.script().approval().value());
    return Optional.of(
        Step.of(
            UNDECIDED + " -> " + decision.value(),
            context.approvalDelay(),
            fresh -> {
              if (fresh.getStatus() == null) {
                fresh.setStatus(new RemediationApprovalRequestStatus());
              }
              RemediationApprovalRequestStatus status = fresh.getStatus();
              status.setDecision(decision);
              status.setDecidedBy(APPROVER);
              status.setDecidedVia(DECIDED_VIA);
              status.setDecidedAt(clock.instant().toString());
              status.setDecisionMessage(message);
            }));
  }
}
