package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.cancelRequested;

import ai.kubernaut.orchestrator.workflows.RemediationSupport.Info;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

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

  /**
   * Sleeps on a Temporal timer (with its UI summary) until it fires or {@code wake} holds: true
   * when woken first. A timer no longer needed is cancelled, and its cancellation failure is
   * consumed so the SDK does not log it as an unhandled promise.
   */
  static boolean sleepUnless(Duration delay, String summary, Supplier<Boolean> wake) {
    @SuppressWarnings("unchecked")
    Promise<Void>[] timer = new Promise[1];
    CancellationScope scope =
        Workflow.newCancellationScope(
            () ->
                timer[0] =
                    Workflow.newTimer(
                        delay, TimerOptions.newBuilder().setSummary(summary).build()));
    scope.run();
    Workflow.await(() -> timer[0].isCompleted() || wake.get());
    if (timer[0].isCompleted()) {
      return false;
    }
    scope.cancel();
    timer[0].exceptionally(cancelled -> null);
    return true;
  }

  static ApplicationFailure notApplicable(String msg) {
    return ApplicationFailure.newNonRetryableFailure(msg, "NotApplicable");
  }
}
