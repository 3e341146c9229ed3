package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.rethrowIfCancelled;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.suffix;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.logic.AnalysisRules;
import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.logic.FailureReasons;
import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.ChildKey;
import ai.kubernaut.orchestrator.workflows.model.ChildObservation;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Reactions to a child reaching a terminal phase, recovery evaluation after a failed
 * WorkflowExecution, and deadlines (with the re-read of the child first).
 */
final class ChildReactions {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  /**
   * {@code Workflow.getVersion} change ID: WorkflowExecution re-creations after
   * Skipped/ResourceBusy keep the Executing deadline, and the waits between them count against it
   * and the global one.
   */
  static final String BUSY_DEADLINE_CHANGE = "resource-busy-keeps-deadline";

  private final RemediationLedger ledger;
  private final WorkflowMetrics metrics;
  private final ActivityStubs stubs;
  private final Transitions transitions;
  private final RoutingExit routingExit;
  private final Terminal terminal;
  private final RoutingSteps routingSteps;
  private final OperatorUpdates updates;
  private final WorkflowExecutionFailure executionFailure;

  ChildReactions(
      RemediationLedger ledger,
      WorkflowMetrics metrics,
      ActivityStubs stubs,
      Transitions transitions,
      RoutingExit routingExit,
      Terminal terminal,
      RoutingSteps routingSteps,
      OperatorUpdates updates,
      WorkflowExecutionFailure executionFailure) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.stubs = stubs;
    this.transitions = transitions;
    this.routingExit = routingExit;
    this.terminal = terminal;
    this.routingSteps = routingSteps;
    this.updates = updates;
    this.executionFailure = executionFailure;
  }

  void onChildDone(ChildStatus s) {
    switch (ledger.waiting().current().kind()) {
      case SignalProcessing -> onSignalProcessingDone(s);
      case AIAnalysis -> onAnalysisDone(s);
      case RemediationApprovalRequest -> {
        ChildStatus.Approval a = s.approval();
        onApprovalDecision(
            s.phase(),
            a == null ? null : a.decidedBy(),
            a == null ? s.message() : a.decisionMessage(),
            "RemediationApprovalRequest");
      }
      case WorkflowExecution -> onExecutionDone(s);
      default -> throw new IllegalStateException("no wait on " + ledger.waiting().current().kind());
    }
  }

  private void onSignalProcessingDone(ChildStatus s) {
    if (ChildPhases.FAILED.equals(s.phase())) {
      terminal.enter(
          TerminalOutcome.failed(
                  FailureReasons.SIGNAL_PROCESSING,
                  "SignalProcessingFailed",
                  "SignalProcessing " + s.name() + " failed" + suffix(s.message()))
              .notifying(
                  NotificationType.Escalation,
                  NotificationRules.escalation(false, ledger.severity())));
      return;
    }
    ledger.analysis().signalProcessed(s);
    transitions.enterAnalyzing();
  }

  private void onAnalysisDone(ChildStatus s) {
    ledger.analysis().analysed(s.name());
    if (s.analysis() != null && s.analysis().hasSelectedWorkflow()) {
      ledger.routing().selectedWorkflowId(s.analysis().selectedWorkflowId());
    }
    AnalysisRules.Decision d = AnalysisRules.decide(s);
    switch (d.next()) {
      case NO_ACTION ->
          terminal.enter(
              TerminalOutcome.completed(
                  Outcome.NoActionRequired,
                  AnalysisRules.WORKFLOW_NOT_NEEDED,
                  "AIAnalysis "
                      + s.name()
                      + " found that no remediation is needed"
                      + suffix(s.message())));
      case MANUAL_REVIEW ->
          terminal.enter(
              TerminalOutcome.manualReview(
                      FailureReasons.AI_ANALYSIS,
                      d.reason(),
                      "AIAnalysis "
                          + s.name()
                          + (ChildPhases.FAILED.equals(s.phase())
                              ? " failed"
                              : " selected no workflow that can run unattended")
                          + suffix(s.message()))
                  .notifying(
                      NotificationType.ManualReview,
                      NotificationRules.manualReview(false, ledger.severity())));
      case AWAIT_APPROVAL -> transitions.enterAwaitingApproval(d.reason());
      case EXECUTE -> routingSteps.enterExecuting();
    }
  }

  void onApprovalDecision(String decision, String by, String msg, String via) {
    metrics.approvalDecision(decision, via);
    String who = by == null || by.isBlank() ? "" : " by " + by;
    String rar = ledger.waiting().current().name();
    switch (decision) {
      case ChildPhases.APPROVED ->
          routingSteps.enterExecuting(
              EventRecord.normal(
                  "ApprovalGranted",
                  "RemediationApprovalRequest " + rar + " approved" + who + suffix(msg)));
      case ChildPhases.REJECTED ->
          terminal.enter(
              TerminalOutcome.failed(
                      FailureReasons.APPROVAL,
                      "ApprovalRejected",
                      "RemediationApprovalRequest " + rar + " rejected" + who + suffix(msg))
                  .notifying(
                      NotificationType.Escalation,
                      NotificationRules.escalation(false, ledger.severity())));
      default ->
          terminal.enter(
              TerminalOutcome.failed(
                      FailureReasons.APPROVAL,
                      "ApprovalExpired",
                      "RemediationApprovalRequest "
                          + rar
                          + " expired without a decision"
                          + suffix(msg))
                  .notifying(
                      NotificationType.Escalation,
                      NotificationRules.escalation(false, ledger.severity())));
    }
  }

  private void onExecutionDone(ChildStatus s) {
    ChildStatus.Execution e = s.execution();
    Instant done = now();
    // the WE ended: the target is free for the next remediation (a completion starts the cooldown)
    routingExit.releaseLock(
        ChildPhases.COMPLETED.equals(s.phase()) ? ledger.routing().selectedWorkflowId() : null);
    switch (s.phase()) {
      case ChildPhases.COMPLETED -> {
        ledger.refs().closeExecution(s, "Completed", done);
        terminal.enter(
            TerminalOutcome.completed(
                    Outcome.Remediated,
                    "Remediated",
                    "WorkflowExecution " + s.name() + " completed" + suffix(s.message()))
                .notifying(NotificationType.Completion, NotificationRules.informational()));
      }
      case ChildPhases.SKIPPED -> onExecutionSkipped(s, done);
      default -> executionFailure.handle(s, done);
    }
    if (!ChildPhases.SKIPPED.equals(s.phase())) {
      ledger.routing().executingDeadline(null);
    }
    routingExit.flushLock(); // unless the end's coordinator release took it along
  }

  /** A WE reported Skipped: handled like the routing decision of the same name (SPEC §5). */
  private void onExecutionSkipped(ChildStatus s, Instant done) {
    ChildStatus.Execution e = s.execution();
    ledger.refs().closeExecution(s, "Skipped", done);
    String skip = e == null || e.skipReason() == null ? "" : e.skipReason();
    switch (skip) {
      case RoutingVerdict.RESOURCE_BUSY -> {
        ledger.routing().executionBusy();
        if (ledger.routing().executingDeadline() == null
            && Workflow.getVersion(BUSY_DEADLINE_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
          // the re-creations keep this Executing budget; the waits between them count against it
          ledger.routing().executingDeadline(ledger.deadlines().phase());
        }
        Instant until = Timeouts.deadline(done, ledger.settings().resourceBusyRetry());
        routingSteps.enterBlocked(
            RoutingVerdict.RESOURCE_BUSY,
            until,
            "WorkflowExecution "
                + s.name()
                + " was skipped: the target is busy (ResourceBusy); queuing again at "
                + until,
            "a retry of the WorkflowExecution at " + until);
      }
      case RoutingVerdict.RECENTLY_REMEDIATED -> {
        ledger.routing().skipped(RoutingVerdict.RECENTLY_REMEDIATED);
        metrics.duplicate(RoutingVerdict.RECENTLY_REMEDIATED);
        terminal.enter(
            TerminalOutcome.skipped(
                RoutingVerdict.RECENTLY_REMEDIATED,
                "WorkflowExecution " + s.name() + " was skipped: " + skip + suffix(s.message())));
      }
      default ->
          terminal.enter(
              TerminalOutcome.failed(
                      FailureReasons.WORKFLOW_EXECUTION,
                      "UnknownSkipReason",
                      "WorkflowExecution "
                          + s.name()
                          + " was skipped for an unknown reason: "
                          + (skip.isEmpty() ? "(none given)" : skip)
                          + suffix(s.message()))
                  .withFailureReason(skip.isEmpty() ? "UnknownSkipReason" : skip)
                  .notifying(
                      NotificationType.Escalation,
                      NotificationRules.escalation(false, ledger.severity())));
    }
  }

  /**
   * A deadline passed. The child is re-read first (its signal may have been lost while the bridge
   * was down); only a child that is still not done makes the timeout real.
   */
  void onDeadline(boolean global) {
    if (ledger.waiting().current() == null) {
      timedOut(global); // Blocked between WorkflowExecution re-creations: no child to re-read
      return;
    }
    ChildObservation o = reread(ledger.waiting().current());
    if (o != null && o.found() && o.status() != null) {
      ledger.children().accept(o.status());
      ChildStatus s = ledger.children().latest(ledger.waiting().current().name());
      if (s != null && ChildPhases.isTerminal(ledger.waiting().current().kind(), s.phase())) {
        log.info("re-read found {} {} after a lost signal", s.name(), s.phase());
        ledger
            .journal()
            .event(
                EventRecord.normal(
                    "ChildStatusRecovered",
                    ledger.waiting().current().kind()
                        + " "
                        + s.name()
                        + " was "
                        + s.phase()
                        + " (signal lost)"));
        onChildDone(s);
        return;
      }
    }
    if (!global && ledger.lifecycle().phase() == Phase.AwaitingApproval) {
      // SPEC §3: no decision before the approval timeout -> Expired -> Failed
      try {
        updates.recordApprovalDecision(
            ChildPhases.EXPIRED, RemediationWorkflowImpl.ORCHESTRATOR, "approval timeout passed");
      } catch (ActivityFailure f) {
        rethrowIfCancelled();
        if (decidedMeanwhile(f)) {
          return;
        }
        log.warn(
            "could not record Expired on {}: {}",
            ledger.waiting().current().name(),
            f.getMessage());
      }
      onApprovalDecision(
          ChildPhases.EXPIRED,
          RemediationWorkflowImpl.ORCHESTRATOR,
          "no decision within " + Timeouts.human(ledger.phaseBudget()),
          "timeout");
      return;
    }
    timedOut(global);
  }

  /**
   * A Kubernetes write kept failing until the deadline it was bounded by passed (an API server
   * outage): the remediation times out in the running phase. No re-read first: the API that just
   * failed for the whole budget would fail it too.
   */
  void onBudgetSpent() {
    Deadlines.Creating creating = ledger.deadlines().takeCreating();
    Phase creatingFor = creating.forPhase();
    Instant creatingUntil = creating.until();
    if (creatingFor != null && ledger.deadlines().global().isAfter(creatingUntil)) {
      // the child of the next phase could not be created within that phase's budget
      ledger.deadlines().phaseEndedAt(creatingUntil);
      timedOut(false, creatingFor);
      return;
    }
    timedOut(ledger.globalIsNearer());
  }

  private void timedOut(boolean global) {
    timedOut(global, null);
  }

  /** {@code forPhase}: the phase that timed out when not the running one (its child's create). */
  private void timedOut(boolean global, Phase forPhase) {
    // Blocked between WorkflowExecution re-creations runs on the Executing budget
    boolean busy =
        forPhase == null
            && ledger.lifecycle().phase() == Phase.Blocked
            && ledger.routing().executingDeadline() != null;
    // a block without an end of its own ran out of its Blocked budget
    boolean budget =
        forPhase == null
            && ledger.lifecycle().phase() == Phase.Blocked
            && ledger.routing().blockedDeadline() != null;
    Phase timed = forPhase != null ? forPhase : busy ? Phase.Executing : ledger.lifecycle().phase();
    Instant at =
        forPhase != null
            ? ledger.deadlines().phase()
            : budget
                ? ledger.routing().blockedDeadline()
                : global
                    ? ledger.deadlines().global()
                    : busy ? ledger.routing().executingDeadline() : ledger.deadlines().phase();
    metrics.timeout(global ? Timeouts.GLOBAL : timed.name());
    String what =
        budget
            ? "Blocked budget (the global timeout, "
                + Timeouts.human(ledger.deadlines().timeouts().global())
                + ")"
            : global
                ? "global timeout of " + Timeouts.human(ledger.deadlines().timeouts().global())
                : timed + " timeout of " + Timeouts.human(ledger.deadlines().phaseBudget(timed));
    terminal.enter(
        TerminalOutcome.timedOut(
                timed.name(),
                at,
                global ? FailureReasons.GLOBAL_TIMEOUT : FailureReasons.PHASE_TIMEOUT,
                what + " passed while waiting for " + ledger.waiting().waitingFor())
            .notifying(NotificationType.Escalation, NotificationRules.timeout(global))
            .markingChildren("ParentTimedOut"));
  }

  /**
   * Recording Expired found the RAR decided in that instant: the decision on the RAR wins. It is
   * read and acted on; true when it was (histories recorded before keep expiring, version {@value
   * #EXPIRY_RACE_CHANGE}).
   */
  private boolean decidedMeanwhile(ActivityFailure f) {
    if (!(f.getCause() instanceof ApplicationFailure af
            && FailureTypes.APPROVAL_ALREADY_DECIDED.equals(af.getType()))
        || Workflow.getVersion(EXPIRY_RACE_CHANGE, Workflow.DEFAULT_VERSION, 1) != 1) {
      return false;
    }
    ChildObservation o = reread(ledger.waiting().current());
    if (o == null || !o.found() || o.status() == null) {
      return false;
    }
    ledger.children().accept(o.status());
    ChildStatus s = ledger.children().latest(ledger.waiting().current().name());
    if (s == null || !ChildPhases.isTerminal(ledger.waiting().current().kind(), s.phase())) {
      return false;
    }
    log.info("{} was decided {} as it expired: the decision wins", s.name(), s.phase());
    ledger
        .journal()
        .event(
            EventRecord.normal(
                "ApprovalDecidedAtExpiry",
                s.name()
                    + " was decided "
                    + s.phase()
                    + " as the approval timeout passed: it stands"));
    onChildDone(s);
    return true;
  }

  /** {@code Workflow.getVersion} change ID: a RAR decided as it expires keeps its decision. */
  static final String EXPIRY_RACE_CHANGE = "approval-expiry-race";

  /** Re-reads a child; null when the read failed (then the timeout stands). */
  private ChildObservation reread(CurrentChild c) {
    try {
      return stubs
          .child("re-read " + c.kind() + " " + c.name() + " before timeout", true)
          .readChildStatus(new ChildKey(ledger.rr(), c.kind(), c.name()));
    } catch (ActivityFailure f) {
      rethrowIfCancelled();
      log.warn("re-read of {} failed: {}", c.name(), f.getMessage());
      return null;
    }
  }
}
