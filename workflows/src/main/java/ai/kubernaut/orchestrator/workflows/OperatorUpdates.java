package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.notApplicable;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rootMessage;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.suffix;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.logic.Names;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.ApprovalCommand;
import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.ApprovalResult;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutRequest;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutResult;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.OperatorDecision;
import ai.kubernaut.orchestrator.workflows.model.RetryRequest;
import ai.kubernaut.orchestrator.workflows.model.RetryResult;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The operator updates (SPEC §9: retry, approve/reject, extendTimeout) with their validators. */
final class OperatorUpdates {

  /**
   * {@code Workflow.getVersion} change ID: extendTimeout moves the current child's own deadline
   * ({@code spec.timesOutAt}, or a RAR's {@code spec.requiredBy}) too.
   */
  static final String EXTEND_REACHES_CHILD_CHANGE = "extend-timeout-reaches-child";

  /** {@code Workflow.getVersion} change ID: retry marks the superseded child first. */
  static final String SUPERSEDE_CHANGE = "retry-supersedes-child";

  private final RemediationLedger ledger;
  private final WorkflowLock lock;
  private final ActivityStubs stubs;
  private final Transitions transitions;
  private final Terminal terminal;

  OperatorUpdates(
      RemediationLedger ledger,
      WorkflowLock lock,
      ActivityStubs stubs,
      Transitions transitions,
      Terminal terminal) {
    this.ledger = ledger;
    this.lock = lock;
    this.stubs = stubs;
    this.transitions = transitions;
    this.terminal = terminal;
  }

  /**
   * Runs a handler body so that it ends in a defined way: the RR found gone (a status write
   * answered GONE, or an activity failed with RemediationRequestGone) ends the remediation quietly
   * and fails the update with a typed ApplicationFailure; any other activity failure fails the
   * update. Never a plain exception, which would fail the workflow task on every retry.
   */
  private <T> T defined(Supplier<T> body) {
    try {
      return body.get();
    } catch (RemediationGone g) {
      throw gone(g.getMessage());
    } catch (ActivityFailure f) {
      if (f.getCause() instanceof ApplicationFailure af
          && FailureTypes.REMEDIATION_REQUEST_GONE.equals(af.getType())) {
        throw gone(af.getOriginalMessage());
      }
      throw f;
    }
  }

  private ApplicationFailure gone(String msg) {
    terminal.onRemediationGone(msg);
    return ApplicationFailure.newNonRetryableFailure(
        "the RemediationRequest no longer exists; the remediation ended" + suffix(msg),
        FailureTypes.REMEDIATION_REQUEST_GONE);
  }

  void validateRetry(RetryRequest request) {
    if (ledger.lifecycle().phase().isTerminal()) {
      throw new IllegalStateException(
          "retry does not apply: the remediation already ended in " + ledger.lifecycle().phase());
    }
    if (ledger.lifecycle().phase() == Phase.Pending || ledger.waiting().current() == null) {
      throw new IllegalStateException(
          "retry does not apply in "
              + ledger.lifecycle().phase()
              + ": no child is being waited on yet");
    }
    OperatorDecision decided = ledger.approvals().operatorDecision();
    if (ledger.lifecycle().phase() == Phase.AwaitingApproval && decided != null) {
      throw new IllegalStateException(
          "retry does not apply: the approval was already " + decided.decision());
    }
  }

  RetryResult retry(RetryRequest request) {
    lock.lock();
    try {
      return defined(() -> doRetry(request));
    } finally {
      lock.unlock();
    }
  }

  private RetryResult doRetry(RetryRequest request) {
    if (ledger.lifecycle().phase().isTerminal() || ledger.waiting().current() == null) {
      throw notApplicable("retry does not apply: the remediation is " + ledger.lifecycle().phase());
    }
    CurrentChild was = ledger.waiting().current();
    int k =
        ledger
            .children()
            .nextRetry(
                was.baseName(),
                was.kind() == ChildKind.WorkflowExecution ? ledger.routing().executionRetries() : 0,
                ledger.waiting().current());
    String name = Names.withRetry(was.baseName(), k);
    Instant now = now();
    Instant deadline = Timeouts.deadline(now, ledger.phaseBudget());
    supersede(was, name, k);
    ledger.children().register(name);
    // the create is bounded by the retry's own budget; the deadline moves only after it (moving it
    // first would wake the main loop during the call and change the order of commands)
    ledger.deadlines().retryCreating(deadline);
    ChildRef ref;
    try {
      ref = transitions.createChild(was.kind(), name, ledger.lifecycle().phase(), deadline);
    } finally {
      ledger.deadlines().retryCreated(); // a failed retry fails the update, not the phase
    }
    ledger
        .waiting()
        .retried(
            new CurrentChild(was.kind(), name, was.baseName(), k),
            was.kind() + " " + name + " (operator retry " + k + ")");
    ledger.lifecycle().phaseRestarted(now);
    ledger.deadlines().restartPhase(deadline);
    String why = request == null || request.reason() == null ? "" : ": " + request.reason();
    ledger
        .journal()
        .event(
            EventRecord.normal(
                "RetryRequested",
                "operator retry "
                    + k
                    + " of "
                    + ledger.lifecycle().phase()
                    + ": "
                    + (ref.adopted() ? "adopted " : "created ")
                    + was.kind()
                    + " "
                    + name
                    + " in place of "
                    + was.name()
                    + why));
    ledger.journal().timeline(ledger.lifecycle().phase() + ": operator retry " + k + " -> " + name);
    transitions.write();
    transitions.updateDetails();
    return new RetryResult(ledger.lifecycle().phase(), name, k, deadline);
  }

  /**
   * Before its replacement is created, the superseded child is marked stopped (reason Superseded:
   * Failed, or Expired for an approval request), so its controller stops acting on it; a WE ref
   * keeps its place with outcome Superseded. Histories recorded before this replay without it
   * (version {@value #SUPERSEDE_CHANGE}).
   */
  private void supersede(CurrentChild was, String replacement, int k) {
    if (Workflow.getVersion(SUPERSEDE_CHANGE, Workflow.DEFAULT_VERSION, 1) != 1) {
      return;
    }
    String msg = "superseded by " + replacement + " (operator retry " + k + ")";
    stubs
        .child("mark " + was.name() + " " + ChildRefs.SUPERSEDED)
        .markChildrenTerminal(
            new TerminateChildren(ledger.rr(), ChildRefs.SUPERSEDED, msg, List.of(was.name())));
    ledger.children().supersede(was.name());
    if (was.kind() == ChildKind.WorkflowExecution) {
      ledger.refs().supersedeExecution(was.name(), now());
    }
    ledger
        .journal()
        .event(
            EventRecord.normal(
                "ChildSuperseded",
                was.kind()
                    + " "
                    + was.name()
                    + (was.kind() == ChildKind.RemediationApprovalRequest
                        ? " marked Expired ("
                        : " marked Failed (")
                    + ChildRefs.SUPERSEDED
                    + "): "
                    + msg));
  }

  /**
   * The current child learns the new deadline, so its controller does not stop at the old one. Best
   * effort: a child that cannot be patched keeps its old deadline, which a Warning Event says (the
   * remediation still waits until the new deadline). Histories recorded before replay without it
   * (version {@value #EXTEND_REACHES_CHILD_CHANGE}).
   */
  private void reachChild(Instant deadline) {
    if (Workflow.getVersion(EXTEND_REACHES_CHILD_CHANGE, Workflow.DEFAULT_VERSION, 1) != 1) {
      return;
    }
    CurrentChild c = ledger.waiting().current();
    String field =
        c.kind() == ChildKind.RemediationApprovalRequest ? "spec.requiredBy" : "spec.timesOutAt";
    try {
      stubs
          .child("move " + field + " of " + c.name() + " to " + deadline)
          .extendChildDeadline(new ExtendChildDeadline(ledger.rr(), c.kind(), c.name(), deadline));
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      if (f.getCause() instanceof ApplicationFailure af
          && FailureTypes.REMEDIATION_REQUEST_GONE.equals(af.getType())) {
        throw f;
      }
      ledger
          .journal()
          .event(
              EventRecord.warning(
                  "ChildDeadlineNotExtended",
                  c.kind()
                      + " "
                      + c.name()
                      + " keeps its old "
                      + field
                      + ": "
                      + rootMessage(f)
                      + "; its controller may stop before the remediation's deadline "
                      + deadline));
    }
  }

  void validateDecision(String decision, ApprovalCommand command) {
    String verb = ChildPhases.APPROVED.equals(decision) ? "approve" : "reject";
    if (command == null || command.by() == null || command.by().isBlank()) {
      throw new IllegalArgumentException(verb + " needs \"by\": who decides");
    }
    if (ledger.approvals().decidedAs(decision)) {
      return; // a repeat: answered with the decision already taken
    }
    String problem = approvalProblem(verb);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** Why no decision can be taken now, or null when one is pending. */
  private String approvalProblem(String verb) {
    if (ledger.lifecycle().phase() != Phase.AwaitingApproval
        || ledger.waiting().current() == null) {
      return verb
          + " does not apply: no approval is pending (phase "
          + ledger.lifecycle().phase()
          + ")";
    }
    OperatorDecision decided = ledger.approvals().operatorDecision();
    if (decided != null) {
      return verb + " does not apply: the approval was already " + decided.decision();
    }
    ChildStatus rar = ledger.children().latest(ledger.waiting().current().name());
    if (rar != null && ChildPhases.isTerminal(ChildKind.RemediationApprovalRequest, rar.phase())) {
      return verb
          + " does not apply: "
          + ledger.waiting().current().name()
          + " is already "
          + rar.phase();
    }
    return null;
  }

  ApprovalResult decide(String decision, ApprovalCommand command) {
    lock.lock();
    try {
      return defined(() -> doDecide(decision, command));
    } finally {
      lock.unlock();
    }
  }

  private ApprovalResult doDecide(String decision, ApprovalCommand command) {
    if (ledger.approvals().decidedAs(decision)) {
      return new ApprovalResult(
          decision, ledger.approvals().operatorDecision().approvalRequestName());
    }
    String problem = approvalProblem(decision.equals(ChildPhases.APPROVED) ? "approve" : "reject");
    if (problem != null) {
      throw notApplicable(problem);
    }
    String rar = ledger.waiting().current().name();
    Instant at = recordApprovalDecision(decision, command.by(), command.message());
    ledger
        .approvals()
        .decide(new OperatorDecision(decision, command.by(), command.message(), at, rar));
    return new ApprovalResult(decision, rar);
  }

  Instant recordApprovalDecision(String decision, String by, String msg) {
    Instant at = now();
    String rar = ledger.waiting().current().name();
    stubs
        .child("record " + decision + " on " + rar)
        .recordApprovalDecision(
            new ApprovalDecisionRecord(ledger.rr(), rar, decision, by, at, msg));
    return at;
  }

  void validateExtendTimeout(ExtendTimeoutRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("extendTimeout needs {\"phase\": ..., \"by\": ...}");
    }
    if (Timeouts.extendablePhase(request.phase()).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown phase \"" + request.phase() + "\": use one of " + Timeouts.EXTENDABLE);
    }
    Duration by;
    try {
      by = Names.parseGoDuration(request.by());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"by\": " + e.getMessage());
    }
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("\"by\" must be a positive duration, got " + request.by());
    }
    if (ledger.lifecycle().phase().isTerminal()) {
      throw new IllegalStateException(
          "extendTimeout does not apply: the remediation already ended in "
              + ledger.lifecycle().phase());
    }
  }

  ExtendTimeoutResult extendTimeout(ExtendTimeoutRequest request) {
    lock.lock();
    try {
      return defined(() -> doExtendTimeout(request));
    } finally {
      lock.unlock();
    }
  }

  private ExtendTimeoutResult doExtendTimeout(ExtendTimeoutRequest request) {
    if (ledger.lifecycle().phase().isTerminal()) {
      throw notApplicable(
          "extendTimeout does not apply: the remediation is " + ledger.lifecycle().phase());
    }
    String p = Timeouts.extendablePhase(request.phase()).orElseThrow();
    Duration by = Names.parseGoDuration(request.by());
    Instant deadline = ledger.deadlines().extend(p, by, ledger.lifecycle().phase());
    Instant executing = ledger.routing().executingDeadline();
    if (executing != null && p.equals(Phase.Executing.name())) {
      deadline = Timeouts.deadline(executing, by);
      ledger.routing().executingDeadline(deadline);
    }
    Duration effective = Timeouts.effective(ledger.deadlines().timeouts(), p);
    ledger
        .journal()
        .event(
            EventRecord.normal(
                "TimeoutExtended",
                p
                    + " timeout extended by "
                    + Timeouts.human(by)
                    + " to "
                    + Timeouts.human(effective)
                    + (deadline == null ? "" : "; deadline " + deadline)));
    ledger.journal().timeline(p + " timeout +" + Timeouts.human(by));
    if (p.equals(ledger.lifecycle().phase().name()) && ledger.waiting().current() != null) {
      reachChild(ledger.deadlines().phase());
    }
    if (ledger.lifecycle().phase() != Phase.Pending) {
      transitions.write();
    }
    transitions.updateDetails();
    return new ExtendTimeoutResult(p, effective, deadline);
  }
}
