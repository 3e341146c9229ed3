package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.info;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.now;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.nz;
import static ai.kubernaut.orchestrator.workflows.RemediationSupport.steps;

import ai.kubernaut.orchestrator.workflows.RemediationSupport.Info;
import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.logic.CurrentDetails;
import ai.kubernaut.orchestrator.workflows.logic.Names;
import ai.kubernaut.orchestrator.workflows.logic.NotificationRules;
import ai.kubernaut.orchestrator.workflows.logic.PhaseTransitions;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * One phase transition: create or adopt the phase's child, change the phase, write the full desired
 * status with its Events, upsert the search attributes and update the current details.
 */
final class Transitions {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  private final RemediationLedger ledger;
  private final WorkflowMetrics metrics;
  private final ActivityStubs stubs;
  private final Notifier notifier;

  Transitions(
      RemediationLedger ledger, WorkflowMetrics metrics, ActivityStubs stubs, Notifier notifier) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.stubs = stubs;
    this.notifier = notifier;
  }

  void enterProcessing() {
    String name = Names.signalProcessing(ledger.rr().name());
    enterChildPhase(
        Phase.Processing,
        ChildKind.SignalProcessing,
        name,
        "SignalProcessing " + name + " to classify the signal",
        EventRecord.normal("SignalProcessingCreated", "created SignalProcessing " + name));
  }

  void enterAnalyzing() {
    String name = Names.aiAnalysis(ledger.rr().name());
    enterChildPhase(
        Phase.Analyzing,
        ChildKind.AIAnalysis,
        name,
        "AIAnalysis " + name + " to find the root cause",
        EventRecord.normal("AIAnalysisCreated", "created AIAnalysis " + name));
  }

  void enterRecovering(ChildStatus failed) {
    String name = Names.recoveryAiAnalysis(ledger.rr().name(), ledger.recovery().attempts());
    enterChildPhase(
        Phase.Recovering,
        ChildKind.AIAnalysis,
        name,
        "recovery AIAnalysis " + name + " (attempt " + ledger.recovery().attempts() + ")",
        EventRecord.warning(
            "WorkflowExecutionFailed",
            "WorkflowExecution " + failed.name() + " failed: " + ledger.recovery().reason()),
        EventRecord.normal(
            "RecoveryStarted",
            "recovery attempt "
                + ledger.recovery().attempts()
                + " of "
                + ledger.recovery().maxAttempts()
                + ": created AIAnalysis "
                + name));
  }

  void enterAwaitingApproval(String why, EventRecord... extra) {
    String name =
        ledger.recovery().attempts() == 0
            ? Names.approvalRequest(ledger.rr().name())
            : Names.recoveryApprovalRequest(ledger.rr().name(), ledger.recovery().attempts());
    ledger.approvals().requestOpened();
    List<EventRecord> events = new ArrayList<>(List.of(extra));
    events.add(
        EventRecord.normal(
            "ApprovalRequired",
            "created RemediationApprovalRequest " + name + (why == null ? "" : ": " + why)));
    enterChildPhase(
        Phase.AwaitingApproval,
        ChildKind.RemediationApprovalRequest,
        name,
        "a decision on RemediationApprovalRequest " + name,
        events.toArray(EventRecord[]::new));
  }

  void createExecution(EventRecord... extra) {
    String base =
        ledger.recovery().attempts() == 0
            ? Names.workflowExecution(ledger.rr().name())
            : Names.recoveryWorkflowExecution(ledger.rr().name(), ledger.recovery().attempts());
    // a re-creation (after Skipped/ResourceBusy) takes the next number of the base name
    int k =
        ledger.routing().executionRetries() == 0
            ? 0
            : ledger
                .children()
                .nextRetry(
                    base, ledger.routing().executionRetries() - 1, ledger.waiting().current());
    String name = k == 0 ? base : Names.withRetry(base, k);
    List<EventRecord> events = new ArrayList<>(List.of(extra));
    events.add(EventRecord.normal("WorkflowExecutionCreated", "created WorkflowExecution " + name));
    enterChildPhase(
        Phase.Executing,
        ChildKind.WorkflowExecution,
        new CurrentChild(ChildKind.WorkflowExecution, name, base, k),
        ledger.routing().executingDeadline(),
        "WorkflowExecution " + name + " to run the remediation",
        events.toArray(EventRecord[]::new));
  }

  /**
   * One transition into a waiting phase: the child is registered (so its signals are accepted even
   * before the create returns), created or adopted, the phase changes, status is written.
   */
  private void enterChildPhase(
      Phase to, ChildKind kind, String name, String waitsFor, EventRecord... events) {
    enterChildPhase(to, kind, new CurrentChild(kind, name, name, 0), null, waitsFor, events);
  }

  /** {@code keepDeadline}: the phase deadline to keep (null: a fresh phase budget from now). */
  private void enterChildPhase(
      Phase to,
      ChildKind kind,
      CurrentChild child,
      Instant keepDeadline,
      String waitsFor,
      EventRecord... events) {
    String name = child.name();
    Phase from = ledger.lifecycle().phase();
    PhaseTransitions.check(from, to);
    Instant now = now();
    Instant deadline =
        keepDeadline != null
            ? keepDeadline
            : Timeouts.deadline(now, ledger.deadlines().phaseBudget(to));
    ledger.children().register(name);
    // the create is bounded by the new phase's budget, and a create that outlives it times the new
    // phase out (kept set when the create fails)
    ledger.deadlines().creating(deadline, to);
    ChildRef ref = createChild(kind, name, to, deadline);
    ledger.deadlines().created();
    ledger.waiting().child(child);
    changePhase(from, to, now, deadline, waitsFor);
    ledger.journal().events(List.of(events));
    if (to == Phase.AwaitingApproval && !ledger.approvals().notificationSent()) {
      // exactly one Approval NR per RR: a recovery's second approval gets the RAR and an Event
      ledger
          .approvals()
          .notificationSent(
              notifier.notify(
                  NotificationType.Approval, NotificationRules.approval(ledger.severity()), null));
    }
    ledger
        .journal()
        .timeline(to + ": " + (ref.adopted() ? "adopted " : "created ") + kind + " " + name);
    write();
    afterTransition();
  }

  /** Creates (or adopts) a child of {@code kind} and records its ref in status. */
  ChildRef createChild(ChildKind kind, String name, Phase forPhase, Instant deadline) {
    ChildActivities child = stubs.child("create " + kind + " " + name);
    ChildRef ref =
        switch (kind) {
          case SignalProcessing ->
              child.createSignalProcessing(new CreateSignalProcessing(ledger.rr(), name, deadline));
          case AIAnalysis ->
              child.createAIAnalysis(
                  new CreateAIAnalysis(
                      ledger.rr(),
                      name,
                      ledger.analysis().signalProcessingName(),
                      forPhase == Phase.Recovering ? ledger.recovery().context() : null,
                      deadline));
          case RemediationApprovalRequest ->
              child.createApprovalRequest(
                  new CreateApprovalRequest(
                      ledger.rr(), name, ledger.analysis().analysisName(), deadline));
          case WorkflowExecution ->
              child.createWorkflowExecution(
                  new CreateWorkflowExecution(
                      ledger.rr(),
                      name,
                      ledger.analysis().analysisName(),
                      ledger.recovery().attempts() + 1,
                      deadline));
          case NotificationRequest ->
              throw new IllegalArgumentException("NotificationRequests are not phase children");
        };
    // status keeps few WE refs: the oldest Skipped ones dropped are counted in an Event
    int dropped = ledger.refs().created(kind, ref, ledger.recovery().attempts() + 1);
    if (dropped > 0) {
      ledger
          .journal()
          .event(
              EventRecord.normal(
                  "WorkflowExecutionRefsTrimmed",
                  dropped
                      + " Skipped WorkflowExecution ref(s) dropped from status (kept at most "
                      + ChildRefs.MAX_EXECUTION_REFS
                      + ")"));
    }
    return ref;
  }

  void changePhase(Phase from, Phase to, Instant now, Instant deadline, String waits) {
    Duration inFrom =
        ledger.lifecycle().phaseStartTime() == null
            ? Duration.ZERO
            : Duration.between(ledger.lifecycle().phaseStartTime(), now);
    ledger.lifecycle().entered(to, now);
    ledger.deadlines().phaseChanged(deadline);
    ledger.waiting().waitFor(waits);
    if (to.isTerminal()) {
      ledger.waiting().noChild();
    }
    ledger.run().transitioned();
    metrics.phaseTransition(from, to, inFrom);
    if (from == Phase.Blocked && to != Phase.Blocked) {
      metrics.unblocked(ledger.routing().blockedMetricReason());
    }
    if (to == Phase.Blocked) {
      ledger.routing().countBlockAsCurrentReason();
    }
    log.info("{} -> {}", from, to);
  }

  void afterTransition() {
    upsertSearchAttributes();
    updateDetails();
  }

  /** One status write: the full desired status, the next sequence, the Events collected so far. */
  void write() {
    ChildStatus we = ledger.executionSummary();
    List<EventRecord> events = ledger.journal().nextWrite(we == null ? 0 : nz(steps(we)));
    ledger.routing().duplicatesWritten();
    ledger.notifications().markWritten();
    Info info = info();
    StatusWriteResult r =
        stubs
            .statusWriter(
                "write status " + ledger.lifecycle().phase() + " #" + ledger.journal().sequence())
            .writeStatus(
                new StatusWrite(
                    ledger.rr(),
                    info.id(),
                    info.runId(),
                    ledger.journal().sequence(),
                    ledger.run().localWrites() ? Workflow.getInfo().getHistoryLength() : 0,
                    ledger.status(),
                    events));
    if (r != null && r.disposition() == StatusWriteResult.Disposition.GONE) {
      throw new RemediationGone("status write found no RemediationRequest");
    }
  }

  void upsertSearchAttributes() {
    List<SearchAttributeUpdate<?>> u = new ArrayList<>();
    u.add(RemediationSearchAttributes.PHASE.valueSet(ledger.lifecycle().phase().name()));
    u.add(
        RemediationSearchAttributes.RECOVERY_ATTEMPTS.valueSet(
            (long) ledger.recovery().attempts()));
    if (ledger.lifecycle().outcome() != null) {
      u.add(RemediationSearchAttributes.OUTCOME.valueSet(ledger.lifecycle().outcome().name()));
    }
    if (ledger.snapshot() != null) {
      set(u, RemediationSearchAttributes.SIGNAL_FINGERPRINT, ledger.snapshot().signalFingerprint());
      set(u, RemediationSearchAttributes.SIGNAL_NAME, ledger.snapshot().signalName());
      set(u, RemediationSearchAttributes.SEVERITY, ledger.snapshot().severity());
      TargetRef t = ledger.snapshot().target();
      if (t != null) {
        set(u, RemediationSearchAttributes.TARGET_RESOURCE, t.display());
        set(u, RemediationSearchAttributes.TARGET_NAMESPACE, t.namespace());
      }
    }
    set(u, RemediationSearchAttributes.ENVIRONMENT, ledger.analysis().environment());
    set(u, RemediationSearchAttributes.PRIORITY, ledger.analysis().priority());
    Workflow.upsertTypedSearchAttributes(u.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private static void set(
      List<SearchAttributeUpdate<?>> u, SearchAttributeKey<String> key, String value) {
    if (value != null && !value.isBlank()) {
      u.add(key.valueSet(value));
    }
  }

  void updateDetails() {
    Workflow.setCurrentDetails(
        CurrentDetails.markdown(
            ledger.lifecycle().phase(),
            ledger.waiting().waitingFor(),
            ledger.lifecycle().phase() == Phase.Pending ? null : ledger.deadlines().phase(),
            ledger.lifecycle().phase() == Phase.Pending ? null : ledger.phaseBudget(),
            ledger.deadlines().global(),
            ledger.recovery().attempts(),
            ledger.recovery().maxAttempts(),
            ledger.lifecycle().outcome(),
            ledger.lifecycle().reason(),
            ledger.lifecycle().message()));
  }
}
