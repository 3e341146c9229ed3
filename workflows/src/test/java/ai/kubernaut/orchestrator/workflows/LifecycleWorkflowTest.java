package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.rr;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weFailed;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weRunning;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.withVersion;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitCreated;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitPhase;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.continuingAsNewAfter;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancellation, signal hygiene and continue-as-new. */
class LifecycleWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  @Test
  void cancelMidPhaseCompensatesAndEndsCancelled(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-stop"), aiCompleted("ai-stop"), weRunning("we-stop", 1, 3));
    RemediationWorkflow wf = start(env, worker, input("stop"));
    awaitPhase(wf, "Executing");

    WorkflowStub.fromTyped(wf).cancel();

    assertThatThrownBy(() -> result(wf))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(WorkflowStub.fromTyped(wf).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.Cancelled);
    assertThat(last.outcome()).isEqualTo(Outcome.Cancelled);
    assertThat(last.completionTime()).isNotNull();
    assertThat(cluster.terminations).extracting(t -> t.reason()).containsExactly("ParentCancelled");
    assertThat(cluster.notificationTypes()).containsExactly("StatusUpdate");
    assertThat(
            WorkflowStub.fromTyped(wf)
                .describe()
                .getTypedSearchAttributes()
                .get(RemediationSearchAttributes.PHASE))
        .isEqualTo("Cancelled");
    recordHistory(env, wf, "cancelled");
  }

  @Test
  void aCancelWaitsForTheCreateInFlightSoTheChildItMadeIsMarked(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-held"), aiCompleted("ai-held"), weRunning("we-held", 1, 3));
    CountDownLatch release = cluster.holdCreate("we-held");
    RemediationWorkflow wf = start(env, worker, input("held"));
    assertThat(cluster.holding.await(30, TimeUnit.SECONDS)).as("the WE create started").isTrue();

    WorkflowStub.fromTyped(wf).cancel();
    String id = WorkflowStub.fromTyped(wf).getExecution().getWorkflowId();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                env.getWorkflowClient().fetchHistory(id).getEvents().stream()
                    .anyMatch(
                        e ->
                            e.getEventType()
                                == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED));
    // time for a compensation that does not wait for the create in flight to run meanwhile
    Thread.sleep(1_000);
    release.countDown();

    assertThatThrownBy(() -> result(wf)).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(cluster.timeline)
        .as("the child the create made is there before the children are marked")
        .containsSubsequence("created we-held", "terminated ParentCancelled");
    assertThat(cluster.lastWrite().status().overallPhase()).isEqualTo(Phase.Cancelled);
    recordHistory(env, wf, "cancelled-during-create");
  }

  @Test
  void aCancelCarriesItsReasonAndWhoAskedIntoStatusAndEvent(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-why"), aiCompleted("ai-why"), weRunning("we-why", 1, 3));
    RemediationWorkflow wf = start(env, worker, input("why"));
    awaitPhase(wf, "Executing");

    WorkflowStub.fromTyped(wf).cancel("target under maintenance");

    assertThatThrownBy(() -> result(wf)).isInstanceOf(WorkflowFailedException.class);
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.Cancelled);
    String identity = env.getWorkflowClient().getOptions().getIdentity();
    assertThat(last.message()).contains("target under maintenance").contains(identity);
    assertThat(cluster.lastWrite().events())
        .anySatisfy(
            e -> {
              assertThat(e.reason()).isEqualTo("RemediationCancelled");
              assertThat(e.message()).contains("target under maintenance").contains(identity);
            });
    recordHistory(env, wf, "cancelled-with-reason");
  }

  @Test
  void resourceVersionsAreOpaqueAnExecutionThatCompletesWithALowerOneStillCompletes(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-opaque"), aiCompleted("ai-opaque"));
    RemediationWorkflow wf = start(env, worker, input("opaque"));
    awaitPhase(wf, "Executing");

    // e.g. after an etcd restore: versions are opaque strings, only equality means anything
    cluster.signalRaw(rr("opaque"), withVersion(weRunning("we-opaque", 1, 3), 900));
    cluster.signalRaw(rr("opaque"), withVersion(weRunning("we-opaque", 0, 3), 950)); // stale
    cluster.signalRaw(rr("opaque"), withVersion(weCompleted("we-opaque"), 100));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.statusWrites)
        .extracting(w -> w.status().summaries().stepsCompleted())
        .doesNotContainSequence(1, 0);
  }

  @Test
  void ignoresStaleDuplicateAndForeignSignals(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-noisy"), aiCompleted("ai-noisy"));
    RemediationWorkflow wf = start(env, worker, input("noisy"));
    awaitPhase(wf, "Executing");
    int writes = cluster.statusWrites.size();

    cluster.signalRaw(rr("noisy"), withVersion(weRunning("we-noisy", 1, 3), 500));
    Awaitility.await().until(() -> cluster.statusWrites.size() == writes + 1);
    cluster.signalRaw(rr("noisy"), withVersion(weRunning("we-noisy", 1, 3), 500)); // duplicate
    cluster.signalRaw(rr("noisy"), withVersion(weRunning("we-noisy", 0, 3), 400)); // stale
    cluster.signalRaw(rr("noisy"), withVersion(weFailed("we-other", 1, "a", "b"), 900)); // foreign
    cluster.signalRaw(rr("noisy"), withVersion(weRunning("we-noisy", 2, 3), 501));
    Awaitility.await().until(() -> cluster.statusWrites.size() == writes + 2);
    cluster.signalRaw(rr("noisy"), withVersion(weCompleted("we-noisy"), 502));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.statusWrites).hasSize(writes + 3);
    assertThat(cluster.statusWrites.get(writes).status().summaries().stepsCompleted()).isEqualTo(1);
    assertThat(cluster.statusWrites.get(writes + 1).status().summaries().stepsCompleted())
        .isEqualTo(2);
    RemediationState state = wf.state();
    assertThat(state.observed()).extracting(ChildStatus::name).doesNotContain("we-other");
    assertThat(state.observed())
        .filteredOn(s -> s.kind() == ChildKind.WorkflowExecution)
        .extracting(ChildStatus::resourceVersion)
        .containsExactly("502");
  }

  @Test
  void continuesAsNewWithoutRepeatingChildrenOrNotifications(
      TestWorkflowEnvironment env, Worker worker) {
    Worker continuing = continuingAsNewAfter(env, 20);
    FakeCluster cluster = cluster(env, continuing);
    RemediationWorkflow started = start(env, continuing, input("can"));
    String firstRun = WorkflowStub.fromTyped(started).getExecution().getRunId();
    // queries and updates go to the current run: address the workflow by ID only, as the bridge
    // does
    RemediationWorkflow wf = byId(env, "can");
    awaitCreated(cluster, "sp-can");

    cluster.push(rr("can"), spCompleted("sp-can"));
    awaitCreated(cluster, "ai-can");
    cluster.push(rr("can"), aiCompleted("ai-can"));
    awaitCreated(cluster, "we-can");
    cluster.push(rr("can"), weFailed("we-can", 1, "a", "b"));
    awaitCreated(cluster, "ai-can-recovery-1");
    cluster.push(rr("can"), aiCompleted("ai-can-recovery-1"));
    awaitCreated(cluster, "we-can-recovery-1");
    cluster.push(rr("can"), weCompleted("we-can-recovery-1"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    RemediationState state = wf.state();
    assertThat(state.runs()).isGreaterThan(2);
    assertThat(
            env.getWorkflowClient()
                .fetchHistory(WorkflowIds.of(rr("can")))
                .getLastEvent()
                .getEventType()
                .name())
        .isEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
    assertThat(
            env.getWorkflowClient()
                .newUntypedWorkflowStub(WorkflowIds.of(rr("can")))
                .describe()
                .getExecution()
                .getRunId())
        .isNotEqualTo(firstRun);
    assertThat(cluster.created)
        .containsExactly("sp-can", "ai-can", "we-can", "ai-can-recovery-1", "we-can-recovery-1");
    assertThat(cluster.notificationTypes()).containsExactly("Completion");
    // writes are ordered by (sequence, workflow task): a local write re-run by a retried workflow
    // task (refused as a signal arrived while the run continued as new) repeats the sequence from
    // a later task, and the status writer applies it as the newer one
    long last = 0;
    long lastTask = 0;
    for (var w : cluster.statusWrites) {
      if (w.sequence() == last) {
        assertThat(w.workflowTask()).isGreaterThan(lastTask);
      } else {
        assertThat(w.sequence()).isGreaterThan(last);
      }
      last = w.sequence();
      lastTask = w.workflowTask();
    }
    assertThat(state.status().recovery().recoveryAttempts()).isEqualTo(1);
    assertThat(state.failurePatterns()).hasSize(1);
    recordHistory(env, wf, "continued-as-new-last-run");
  }

  @Test
  void continuesAsNewAgainAndAgainInOneLongPhase(TestWorkflowEnvironment env, Worker worker) {
    Worker continuing = continuingAsNewAfter(env, 40);
    FakeCluster cluster = cluster(env, continuing);
    cluster.script(spCompleted("sp-long"), aiCompleted("ai-long"), weRunning("we-long", 0, 60));
    start(env, continuing, input("long"));
    RemediationWorkflow wf = byId(env, "long");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> wf.state().phase() == Phase.Executing);

    for (int step = 1; step <= 45; step++) {
      cluster.push(rr("long"), weRunning("we-long", step, 60));
      int written = step;
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> wf.state().status().summaries().stepsCompleted() == written);
    }
    int runsInExecuting = wf.state().runs();
    cluster.push(rr("long"), weCompleted("we-long"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    // at most one run per transition continued before; now Executing alone continues again
    assertThat(runsInExecuting).as("runs").isGreaterThanOrEqualTo(6);
    assertThat(cluster.created).containsExactly("sp-long", "ai-long", "we-long");
    assertThat(cluster.notificationTypes()).containsExactly("Completion");
    recordHistory(env, wf, "continued-as-new-in-one-phase");
  }

  @Test
  void continueAsNewKeepsTheDeadline(TestWorkflowEnvironment env, Worker worker) {
    Worker continuing = continuingAsNewAfter(env, 5);
    FakeCluster cluster = cluster(env, continuing);
    cluster.script(spCompleted("sp-can-late"));
    start(env, continuing, input("can-late"));
    RemediationWorkflow wf = byId(env, "can-late");
    awaitCreated(cluster, "ai-can-late");

    var failure = WorkflowTestSupport.failure(wf);

    assertThat(failure.getType()).isEqualTo("TimedOut");
    RemediationState state = wf.state();
    assertThat(state.runs()).isGreaterThan(1);
    var analyzing =
        cluster.statusWrites.stream()
            .filter(w -> w.status().overallPhase() == Phase.Analyzing)
            .findFirst()
            .orElseThrow();
    // the continued run kept the deadline set when Analyzing began: 10m after that write
    assertThat(cluster.lastWrite().status().failure().timeoutTime())
        .isEqualTo(analyzing.status().phaseStartTime().plus(Duration.ofMinutes(10)));
    assertThat(cluster.created).containsExactly("sp-can-late", "ai-can-late");
  }

  private static RemediationWorkflow byId(TestWorkflowEnvironment env, String rr) {
    return env.getWorkflowClient()
        .newWorkflowStub(RemediationWorkflow.class, WorkflowIds.of(rr(rr)));
  }
}
