package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.cancelRequested;

import ai.kubernaut.orchestrator.workflows.RemediationSupport.Info;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Small deterministic helpers shared by the remediation workflow classes. */
final class RemediationSupport {
  private RemediationSupport() {}

  record Info(String id, String runId) {}

  static Info info() {
    return new Info(Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId());
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  static Integer steps(ChildStatus s) {
    return s.execution() == null ? null : s.execution().stepsCompleted();
  }

  static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String suffix(String msg) {
    return msg == null || msg.isBlank() ? "" : ": " + msg;
  }

  static String joinViolations(ValidationResult v) {
    return String.join("; ", v.violations().stream().map(Object::toString).toList());
  }

  static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage();
  }

  static boolean cancelRequested() {
    return CancellationScope.current().isCancelRequested();
  }

  static void rethrowIfCancelled() {
    if (cancelRequested()) {
      throw new CanceledFailure("remediation cancelled");
    }
  }

  static ApplicationFailure notApplicable(String msg) {
    return ApplicationFailure.newNonRetryableFailure(msg, "NotApplicable");
  }
}
