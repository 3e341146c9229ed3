package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import java.time.Instant;

/** Static fixtures: one RR input and one child status per outcome. */
final class TestRemediations {

  static final String NAMESPACE = "prod-apps";
  static final String FINGERPRINT =
      "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778";

  private TestRemediations() {}

  static RemediationRef rr(String name) {
    return new RemediationRef(NAMESPACE, name, "uid-" + name);
  }

  static RemediationSnapshot snapshot() {
    return new RemediationSnapshot(
        FINGERPRINT,
        "HighMemoryUsage",
        "warning",
        "prometheus",
        "kubernetes",
        new TargetRef("Deployment", "api", NAMESPACE, "apps/v1"),
        null,
        null,
        null,
        null);
  }

  static RemediationInput input(String name) {
    return input(name, RemediationSettings.defaults());
  }

  /** An RR with its own fingerprint and creationTimestamp, on the shared target Deployment/api. */
  static RemediationInput input(
      String name, String fingerprint, Instant created, RemediationSettings settings) {
    RemediationSnapshot s = snapshot();
    RemediationSnapshot withFingerprint =
        new RemediationSnapshot(
            fingerprint,
            s.signalName(),
            s.severity(),
            s.signalType(),
            s.targetType(),
            s.target(),
            s.environment(),
            s.priority(),
            s.timeoutConfig(),
            s.maxRecoveryAttempts());
    return RemediationInput.start(rr(name), created, withFingerprint, settings);
  }

  static RemediationInput input(String name, RemediationSettings settings) {
    return RemediationInput.start(
        rr(name), Instant.parse("2025-01-01T10:00:00Z"), snapshot(), settings);
  }

  // ---- SignalProcessing

  /** A NotificationRequest's status as its controller reports it. */
  static ChildStatus nr(String name, String phase, String message) {
    return new ChildStatus(
        ChildKind.NotificationRequest, name, null, phase, message, null, null, null, null);
  }

  static ChildStatus spCompleted(String name) {
    return new ChildStatus(
        ChildKind.SignalProcessing,
        name,
        null,
        "Completed",
        "classified",
        new ChildStatus.Classification("production", "P1"),
        null,
        null,
        null);
  }

  static ChildStatus spFailed(String name) {
    return new ChildStatus(
        ChildKind.SignalProcessing,
        name,
        null,
        "Failed",
        "enrichment failed",
        null,
        null,
        null,
        null);
  }

  // ---- AIAnalysis

  static ChildStatus aiCompleted(String name) {
    return ai(name, "Completed", null, false, false, "restart-pod");
  }

  static ChildStatus aiNeedsApproval(String name) {
    return ai(name, "Completed", null, true, false, "restart-pod");
  }

  static ChildStatus aiNotNeeded(String name) {
    return ai(name, "Completed", "WorkflowNotNeeded", false, false, null);
  }

  static ChildStatus aiFailed(String name) {
    return ai(name, "Failed", null, false, false, null);
  }

  static ChildStatus aiHumanReviewWithoutWorkflow(String name) {
    return ai(name, "Completed", null, false, true, null);
  }

  static ChildStatus ai(
      String name,
      String phase,
      String reason,
      boolean approval,
      boolean humanReview,
      String workflow) {
    return new ChildStatus(
        ChildKind.AIAnalysis,
        name,
        null,
        phase,
        null,
        null,
        new ChildStatus.Analysis(
            reason,
            approval,
            approval ? "LowConfidence" : null,
            humanReview,
            workflow,
            workflow == null ? null : "1.0.0",
            0.72,
            "memory leak"),
        null,
        null);
  }

  // ---- RemediationApprovalRequest

  static ChildStatus rar(String name, String decision, String by) {
    return new ChildStatus(
        ChildKind.RemediationApprovalRequest,
        name,
        null,
        decision,
        null,
        null,
        null,
        new ChildStatus.Approval(by, "2025-01-01T10:05:00Z", "looks right"),
        null);
  }

  // ---- WorkflowExecution

  static ChildStatus weRunning(String name, int done, int total) {
    return we(name, "Running", done, total, null, null, null, null);
  }

  static ChildStatus weCompleted(String name) {
    return we(name, "Completed", 3, 3, null, null, null, null);
  }

  static ChildStatus weFailed(String name, int step, String action, String errorType) {
    return we(name, "Failed", step - 1, 3, step, action, errorType, null);
  }

  static ChildStatus weSkipped(String name, String reason) {
    return we(name, "Skipped", 0, 0, null, null, null, reason);
  }

  static ChildStatus we(
      String name,
      String phase,
      int done,
      int total,
      Integer failedStep,
      String action,
      String errorType,
      String skipReason) {
    return new ChildStatus(
        ChildKind.WorkflowExecution,
        name,
        null,
        phase,
        null,
        null,
        null,
        null,
        new ChildStatus.Execution(
            done,
            total,
            failedStep,
            action,
            errorType,
            errorType == null ? null : action + " failed: " + errorType,
            skipReason,
            null));
  }

  /** {@code s} with resourceVersion {@code rv}. */
  static ChildStatus withVersion(ChildStatus s, long rv) {
    return new ChildStatus(
        s.kind(),
        s.name(),
        Long.toString(rv),
        s.phase(),
        s.message(),
        s.classification(),
        s.analysis(),
        s.approval(),
        s.execution());
  }
}
