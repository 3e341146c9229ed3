package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.ExecutionRef;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The refs of the phase children in status: added by {@link Transitions} when it creates a child; a
 * WorkflowExecution's ref is closed by {@link WorkflowExecutionFailure} and {@link ChildReactions},
 * or superseded by {@link OperatorUpdates}.
 */
final class ChildRefs {

  /** At most this many WorkflowExecution refs are kept in status (oldest Skipped ones go first). */
  static final int MAX_EXECUTION_REFS = 10;

  /** Reason and WE ref outcome of a child an operator retry replaced. */
  static final String SUPERSEDED = "Superseded";

  private ChildRef signalProcessing;
  private final List<ChildRef> aiAnalyses = new ArrayList<>();
  private final List<ExecutionRef> executions = new ArrayList<>();
  private ChildRef approvalRequest;

  /** The names of the AIAnalyses created so far. */
  List<String> analysisNames() {
    return aiAnalyses.stream().map(ChildRef::name).toList();
  }

  /** The name of the newest WorkflowExecution; null when none was created. */
  String lastExecutionName() {
    return executions.isEmpty() ? null : executions.get(executions.size() - 1).name();
  }

  /**
   * Records the ref of a created child ({@code attempt}: a WorkflowExecution's attempt number);
   * returns how many Skipped WorkflowExecution refs were dropped to keep the cap.
   */
  int created(ChildKind kind, ChildRef ref, int attempt) {
    switch (kind) {
      case SignalProcessing -> signalProcessing = ref;
      case AIAnalysis -> aiAnalyses.add(ref);
      case RemediationApprovalRequest -> approvalRequest = ref;
      case WorkflowExecution -> {
        executions.add(new ExecutionRef(ref.name(), ref.uid(), null, attempt, null, null, null));
        return capExecutions();
      }
      default -> {}
    }
    return 0;
  }

  /** Keeps status small: beyond the cap the oldest Skipped refs go. */
  private int capExecutions() {
    int dropped = 0;
    for (int i = 0; i < executions.size() && executions.size() > MAX_EXECUTION_REFS; ) {
      if ("Skipped".equals(executions.get(i).outcome())) {
        executions.remove(i);
        dropped++;
      } else {
        i++;
      }
    }
    return dropped;
  }

  /** The WE ref of a superseded execution keeps its place with outcome Superseded. */
  void supersedeExecution(String name, Instant at) {
    for (int i = 0; i < executions.size(); i++) {
      ExecutionRef r = executions.get(i);
      if (r.name().equals(name) && r.outcome() == null) {
        executions.set(
            i,
            new ExecutionRef(
                r.name(), r.uid(), SUPERSEDED, r.attemptNumber(), null, SUPERSEDED, at));
      }
    }
  }

  void closeExecution(ChildStatus s, String result, Instant at) {
    ChildStatus.Execution e = s.execution();
    for (int i = 0; i < executions.size(); i++) {
      ExecutionRef r = executions.get(i);
      if (r.name().equals(s.name())) {
        executions.set(
            i,
            new ExecutionRef(
                r.name(),
                r.uid(),
                result,
                r.attemptNumber(),
                e == null ? null : e.failedStep(),
                e == null ? null : e.failureReason(),
                at));
      }
    }
  }

  DesiredStatus.Children toStatus(List<NotificationRef> notifications) {
    return new DesiredStatus.Children(
        signalProcessing, aiAnalyses, executions, approvalRequest, notifications);
  }

  void restore(DesiredStatus.Children c) {
    signalProcessing = c.signalProcessing();
    aiAnalyses.addAll(c.aiAnalyses());
    executions.addAll(c.workflowExecutions());
    approvalRequest = c.approvalRequest();
  }
}
