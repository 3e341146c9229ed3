package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiNeedsApproval;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.rar;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.rr;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weRunning;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitCreated;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitPhase;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.ExecutionRef;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutRequest;
import ai.kubernaut.orchestrator.workflows.model.ExtendTimeoutResult;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RetryRequest;
import ai.kubernaut.orchestrator.workflows.model.RetryResult;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPEC §9 updates: extendTimeout, retry, and their refusals. */
class OperatorUpdatesWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  @Test
  void extendTimeoutMovesTheCurrentPhaseDeadline(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-ext"), aiCompleted("ai-ext"), weRunning("we-ext", 1, 4));
    RemediationWorkflow wf = start(env, worker, input("ext"));
    awaitPhase(wf, "Executing");
    var before = wf.state().phaseDeadline();

    env.sleep(Duration.ofMinutes(20));
    ExtendTimeoutResult r = wf.extendTimeout(new ExtendTimeoutRequest("executing", "15m"));
    env.sleep(Duration.ofMinutes(20)); // 40m into a phase whose budget was 30m

    assertThat(r.phase()).isEqualTo("Executing");
    assertThat(r.effectiveTimeout()).isEqualTo(Duration.ofMinutes(45));
    assertThat(r.deadline()).isEqualTo(before.plus(Duration.ofMinutes(15)));
    assertThat(wf.state().phase()).isEqualTo(Phase.Executing);
    assertThat(wf.state().status().timeoutConfig().executing()).isEqualTo(Duration.ofMinutes(45));
    assertThat(cluster.lastWrite().status().timeoutConfig().executing())
        .isEqualTo(Duration.ofMinutes(45));
    assertThat(cluster.eventReasons()).contains("TimeoutExtended");

    cluster.push(rr("ext"), weCompleted("we-ext"));
    RemediationResult result = result(wf);
    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    recordHistory(env, wf, "timeout-extended");
  }

  @Test
  void extendTimeoutMovesTheCurrentChildsOwnDeadline(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-reach"), aiCompleted("ai-reach"), weRunning("we-reach", 1, 4));
    RemediationWorkflow wf = start(env, worker, input("reach"));
    awaitPhase(wf, "Executing");
    CreateWorkflowExecution created =
        (CreateWorkflowExecution) cluster.createRequests.get("we-reach");

    ExtendTimeoutResult r = wf.extendTimeout(new ExtendTimeoutRequest("Executing", "15m"));

    assertThat(created.timesOutAt()).isEqualTo(r.deadline().minus(Duration.ofMinutes(15)));
    assertThat(cluster.extensions)
        .extracting(
            ExtendChildDeadline::kind, ExtendChildDeadline::name, ExtendChildDeadline::deadline)
        .containsExactly(tuple(ChildKind.WorkflowExecution, "we-reach", r.deadline()));

    wf.extendTimeout(new ExtendTimeoutRequest("global", "1h"));
    wf.extendTimeout(new ExtendTimeoutRequest("Analyzing", "5m"));
    assertThat(cluster.extensions).hasSize(1); // only the running phase's child has a deadline

    cluster.push(rr("reach"), weCompleted("we-reach"));
    assertThat(result(wf).outcome()).isEqualTo(Outcome.Remediated);
    recordHistory(env, wf, "timeout-extended-reaches-child");
  }

  @Test
  void extendTimeoutOfApprovalMovesTheRequiredByOfTheApprovalRequest(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-reach-rar"), aiNeedsApproval("ai-reach-rar"));
    RemediationWorkflow wf = start(env, worker, input("reach-rar"));
    awaitPhase(wf, "AwaitingApproval");

    ExtendTimeoutResult r = wf.extendTimeout(new ExtendTimeoutRequest("AwaitingApproval", "1h"));

    assertThat(cluster.extensions)
        .extracting(
            ExtendChildDeadline::kind, ExtendChildDeadline::name, ExtendChildDeadline::deadline)
        .containsExactly(
            tuple(ChildKind.RemediationApprovalRequest, "rar-reach-rar", r.deadline()));
  }

  @Test
  void extendTimeoutOfGlobalMovesTheGlobalDeadline(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    RemediationWorkflow wf = start(env, worker, input("ext-global"));
    awaitPhase(wf, "Processing");
    var before = wf.state().globalDeadline();

    ExtendTimeoutResult r = wf.extendTimeout(new ExtendTimeoutRequest("Global", "1h30m"));

    assertThat(r.effectiveTimeout()).isEqualTo(Duration.ofMinutes(150));
    assertThat(r.deadline()).isEqualTo(before.plus(Duration.ofMinutes(90)));
    assertThat(wf.state().globalDeadline()).isEqualTo(r.deadline());
    ExtendTimeoutResult later = wf.extendTimeout(new ExtendTimeoutRequest("Executing", "5m"));
    assertThat(later.deadline()).isNull();
    assertThat(later.effectiveTimeout()).isEqualTo(Duration.ofMinutes(35));
    assertThat(cluster.created).containsExactly("sp-ext-global");
  }

  @Test
  void retryRecreatesTheCurrentChildAndRestartsItsTimer(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-stuck-retry-1"), aiCompleted("ai-stuck"), weCompleted("we-stuck"));
    RemediationWorkflow wf = start(env, worker, input("stuck"));
    awaitPhase(wf, "Processing");
    env.sleep(Duration.ofMinutes(4));

    RetryResult r = wf.retry(new RetryRequest("SP controller was down"));
    RemediationResult result = result(wf);

    assertThat(r.phase()).isEqualTo(Phase.Processing);
    assertThat(r.childName()).isEqualTo("sp-stuck-retry-1");
    assertThat(r.retry()).isEqualTo(1);
    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created)
        .containsExactly("sp-stuck", "sp-stuck-retry-1", "ai-stuck", "we-stuck");
    assertThat(((CreateAIAnalysis) cluster.createRequests.get("ai-stuck")).signalProcessingName())
        .isEqualTo("sp-stuck-retry-1");
    assertThat(cluster.eventReasons()).contains("RetryRequested");
    assertThat(wf.state().retries()).isEqualTo(1);
    recordHistory(env, wf, "retried");
  }

  @Test
  void retryFirstStopsTheSupersededExecutionAndKeepsItsRefWithAnOutcome(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-sup"),
        aiCompleted("ai-sup"),
        weRunning("we-sup", 1, 3),
        weCompleted("we-sup-retry-1"));
    RemediationWorkflow wf = start(env, worker, input("sup"));
    awaitCreated(cluster, "we-sup");
    awaitPhase(wf, "Executing");

    wf.retry(new RetryRequest("WE controller wedged"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.terminations)
        .filteredOn(t -> "Superseded".equals(t.reason()))
        .singleElement()
        .satisfies(t -> assertThat(t.names()).containsExactly("we-sup"));
    assertThat(cluster.lastWrite().status().children().workflowExecutions())
        .extracting(ExecutionRef::name, ExecutionRef::outcome)
        .containsExactly(tuple("we-sup", "Superseded"), tuple("we-sup-retry-1", "Completed"));
    assertThat(cluster.eventReasons()).contains("ChildSuperseded");
    recordHistory(env, wf, "retry-superseded");
  }

  @Test
  void aDecisionOnASupersededApprovalRequestIsNotSilentlyIgnored(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-suprar"), aiNeedsApproval("ai-suprar"));
    RemediationWorkflow wf = start(env, worker, input("suprar"));
    awaitPhase(wf, "AwaitingApproval");

    wf.retry(new RetryRequest(null));
    cluster.push(rr("suprar"), rar("rar-suprar", "Approved", "alice")); // too late: superseded
    cluster.push(rr("suprar"), rar("rar-suprar-retry-1", "Rejected", "bob"));
    WorkflowTestSupport.failure(wf);

    assertThat(cluster.terminations)
        .filteredOn(t -> "Superseded".equals(t.reason()))
        .singleElement()
        .satisfies(t -> assertThat(t.names()).containsExactly("rar-suprar"));
    assertThat(cluster.eventReasons()).contains("ChildSuperseded", "SupersededDecisionIgnored");
  }

  @Test
  void retryTwiceCountsUp(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    RemediationWorkflow wf = start(env, worker, input("again"));
    awaitPhase(wf, "Processing");

    RetryResult first = wf.retry(new RetryRequest(null));
    RetryResult second = wf.retry(new RetryRequest(null));

    assertThat(first.childName()).isEqualTo("sp-again-retry-1");
    assertThat(second.childName()).isEqualTo("sp-again-retry-2");
    assertThat(cluster.created).containsExactly("sp-again", "sp-again-retry-1", "sp-again-retry-2");
    assertThat(wf.state().current().name()).isEqualTo("sp-again-retry-2");
  }

  @ParameterizedTest
  @CsvSource({"retry", "extendTimeout"})
  @Timeout(30)
  void anUpdateThatFindsTheRemediationRequestGoneFailsAndEndsTheRemediation(
      String update, TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    RemediationWorkflow wf = start(env, worker, input("gone-" + update.toLowerCase()));
    awaitPhase(wf, "Processing");
    awaitCreated(cluster, "sp-gone-" + update.toLowerCase());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.writtenPhases().contains(Phase.Processing));
    cluster.statusGone = true; // the RR is deleted; the bridge's cancel has not arrived yet

    assertThatThrownBy(
            () -> {
              if (update.equals("retry")) {
                wf.retry(new RetryRequest(null));
              } else {
                wf.extendTimeout(new ExtendTimeoutRequest("Processing", "5m"));
              }
            })
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.REMEDIATION_REQUEST_GONE));
    RemediationResult result = result(wf);

    assertThat(result.phase()).isEqualTo(Phase.Cancelled);
    assertThat(result.reason()).isEqualTo(FailureTypes.REMEDIATION_REQUEST_GONE);
  }

  @ParameterizedTest
  @CsvSource({
    "Executing,-5m,\"by\"",
    "Executing,0s,positive",
    "Executing,banana,invalid duration",
    "Deploying,5m,unknown phase",
    ",5m,unknown phase"
  })
  void extendTimeoutRefusesInvalidInput(
      String phase, String by, String message, TestWorkflowEnvironment env, Worker worker) {
    cluster(env, worker);
    RemediationWorkflow wf = start(env, worker, input("bad-ext"));
    awaitPhase(wf, "Processing");

    assertThatThrownBy(() -> wf.extendTimeout(new ExtendTimeoutRequest(phase, by)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(message);
    assertThat(wf.state().status().timeoutConfig().executing()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void refusesUpdatesOnceTheRemediationEnded(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-done"), aiCompleted("ai-done"), weCompleted("we-done"));
    RemediationWorkflow wf = start(env, worker, input("done"));
    result(wf);

    assertThatThrownBy(() -> wf.retry(new RetryRequest(null))).isInstanceOf(RuntimeException.class);
    assertThat(cluster.created).containsExactly("sp-done", "ai-done", "we-done");
    awaitCreated(cluster, "we-done");
  }
}
