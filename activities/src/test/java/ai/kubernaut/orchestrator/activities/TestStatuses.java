package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.ExecutionRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import java.time.Instant;
import java.util.List;

/** Desired statuses and child summaries as the workflow would send them. */
public final class TestStatuses {

  public static final Instant START = Instant.parse("2025-01-31T10:15:03Z");

  private TestStatuses() {}

  public static DesiredStatus pending() {
    return status(Phase.Pending, null, null, null, null, null);
  }

  public static DesiredStatus processing() {
    return status(
        Phase.Processing,
        null,
        new DesiredStatus.Children(
            new ChildRef(ChildKind.SignalProcessing, "sp-x", "sp-uid", false),
            null,
            null,
            null,
            null),
        new DesiredStatus.Summaries(
            child(ChildKind.SignalProcessing, "Enriching"), null, null, 0, 0, 5),
        null,
        null);
  }

  public static DesiredStatus completed(Outcome outcome) {
    return status(
        Phase.Completed,
        outcome,
        new DesiredStatus.Children(
            new ChildRef(ChildKind.SignalProcessing, "sp-x", "sp-uid", false),
            List.of(new ChildRef(ChildKind.AIAnalysis, "ai-x", "ai-uid", false)),
            List.of(
                new ExecutionRef(
                    "we-x", "we-uid", "Completed", 1, null, null, START.plusSeconds(300))),
            null,
            List.of(new NotificationRef(NotificationType.Completion, "nr-completion-x", "nr-uid"))),
        new DesiredStatus.Summaries(
            child(ChildKind.SignalProcessing, "Completed"),
            child(ChildKind.AIAnalysis, "Completed"),
            child(ChildKind.WorkflowExecution, "Completed"),
            4,
            4,
            100),
        null,
        null);
  }

  public static DesiredStatus failed(String failurePhase, String failureReason) {
    return status(
        Phase.Failed,
        Outcome.Failed,
        null,
        null,
        new DesiredStatus.Failure(failurePhase, failureReason, null, null),
        "spec.severity: is required");
  }

  public static DesiredStatus status(
      Phase phase,
      Outcome outcome,
      DesiredStatus.Children children,
      DesiredStatus.Summaries summaries,
      DesiredStatus.Failure failure,
      String message) {
    return new DesiredStatus(
        phase,
        outcome,
        phase.name(),
        message,
        START,
        START.plusSeconds(1),
        phase.isTerminal() ? START.plusSeconds(400) : null,
        phase.isTerminal() ? START.plusSeconds(400 + 86400) : null,
        PhaseTimeouts.defaults(),
        children,
        summaries,
        new DesiredStatus.Recovery(0, 3, null, null, false),
        failure,
        new DesiredStatus.Routing(null, null, null, 0, null, null),
        false);
  }

  public static ChildStatus child(ChildKind kind, String phase) {
    return switch (kind) {
      case SignalProcessing ->
          new ChildStatus(
              kind,
              "sp-x",
              "10",
              phase,
              null,
              new ChildStatus.Classification("production", "P1"),
              null,
              null,
              null);
      case AIAnalysis ->
          new ChildStatus(
              kind,
              "ai-x",
              "11",
              phase,
              null,
              null,
              new ChildStatus.Analysis(
                  null, false, null, false, "restart-pods", "1.2.0", 0.9, "leak"),
              null,
              null);
      case WorkflowExecution ->
          new ChildStatus(
              kind,
              "we-x",
              "12",
              phase,
              null,
              null,
              null,
              null,
              new ChildStatus.Execution(4, 4, null, null, null, null, null, null));
      default -> new ChildStatus(kind, "x", "13", phase, null, null, null, null, null);
    };
  }
}
