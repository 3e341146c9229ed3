package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.aiCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weFailed;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weRunning;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.failure;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Phase and global timers (SPEC §3 Timers), and the re-read that recovers lost signals. */
class TimeoutWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  /** Statuses that bring a remediation into {@code phase} and leave it waiting there. */
  private static List<ChildStatus> upTo(Phase phase, String rr) {
    List<ChildStatus> s = new ArrayList<>();
    if (phase == Phase.Processing) {
      return s;
    }
    s.add(spCompleted("sp-" + rr));
    if (phase == Phase.Analyzing) {
      return s;
    }
    s.add(aiCompleted("ai-" + rr));
    if (phase == Phase.Executing) {
      s.add(weRunning("we-" + rr, 1, 3));
      return s;
    }
    s.add(weFailed("we-" + rr, 1, "restart", "Timeout")); // Recovering waits on the recovery AI
    return s;
  }

  @ParameterizedTest
  @EnumSource(
      value = Phase.class,
      names = {"Processing", "Analyzing", "Executing", "Recovering"})
  void timesOutAPhaseThatNeverFinishes(Phase phase, TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    String rr = "slow-" + phase.name().toLowerCase();
    cluster.script(upTo(phase, rr).toArray(ChildStatus[]::new));
    long started = env.currentTimeMillis();

    RemediationWorkflow wf = start(env, worker, input(rr));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("TimedOut");
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.overallPhase()).isEqualTo(Phase.TimedOut);
    assertThat(last.outcome()).isEqualTo(Outcome.TimedOut);
    assertThat(last.reason()).isEqualTo("PhaseTimeout");
    assertThat(last.failure().timeoutPhase()).isEqualTo(phase.name());
    assertThat(last.failure().timeoutTime()).isNotNull();
    Duration budget =
        switch (phase) {
          case Processing -> Duration.ofMinutes(5);
          case Executing -> Duration.ofMinutes(30);
          default -> Duration.ofMinutes(10);
        };
    assertThat(env.currentTimeMillis() - started).isGreaterThanOrEqualTo(budget.toMillis());
    assertThat(cluster.terminations).extracting(t -> t.reason()).containsExactly("ParentTimedOut");
    assertThat(cluster.notificationTypes()).containsExactly("Escalation");
    assertThat(cluster.notifications.get(0).priority()).isEqualTo(NotificationPriority.High);
    assertThat(cluster.reads).isNotEmpty();
    if (phase == Phase.Processing) {}
  }

  @Test
  void aPhaseTimeoutOfACriticalSignalEscalatesWithHighPriority(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    RemediationSnapshot s = TestRemediations.snapshot();
    RemediationSnapshot critical =
        new RemediationSnapshot(
            s.signalFingerprint(),
            s.signalName(),
            "critical",
            s.signalType(),
            s.targetType(),
            s.target(),
            s.environment(),
            s.priority(),
            s.timeoutConfig(),
            s.maxRecoveryAttempts());

    failure(
        start(
            env,
            worker,
            RemediationInput.start(
                TestRemediations.rr("slow-critical"),
                Instant.parse("2025-01-01T10:00:00Z"),
                critical,
                RemediationSettings.defaults())));

    assertThat(cluster.lastWrite().status().reason()).isEqualTo("PhaseTimeout");
    assertThat(cluster.notificationTypes()).containsExactly("Escalation");
    // SPEC §3: Critical for global, High for a phase (whatever the signal's severity)
    assertThat(cluster.notifications.get(0).priority()).isEqualTo(NotificationPriority.High);
  }

  @Test
  void timesOutGloballyAfterOneHour(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.overrides(
        new TimeoutOverrides(null, null, null, Duration.ofHours(2), null, null), null);
    cluster.script(spCompleted("sp-glob"), aiCompleted("ai-glob"), weRunning("we-glob", 0, 5));
    long started = env.currentTimeMillis();

    RemediationWorkflow wf = start(env, worker, input("glob"));
    ApplicationFailure f = failure(wf);

    assertThat(f.getType()).isEqualTo("TimedOut");
    DesiredStatus last = cluster.lastWrite().status();
    assertThat(last.reason()).isEqualTo("GlobalTimeout");
    assertThat(last.failure().timeoutPhase()).isEqualTo("Executing");
    assertThat(Duration.between(last.startTime(), last.failure().timeoutTime()))
        .isEqualTo(Duration.ofHours(1));
    assertThat(env.currentTimeMillis() - started).isGreaterThanOrEqualTo(3_600_000L);
    assertThat(cluster.notifications.get(0).priority()).isEqualTo(NotificationPriority.Critical);
    assertThat(last.timeoutConfig().executing()).isEqualTo(Duration.ofHours(2));
    recordHistory(env, wf, "global-timed-out");
  }

  @Test
  void recoversALostSignalByReReadingTheChildBeforeTimingOut(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.scriptSilently(spCompleted("sp-lost"));
    cluster.script(aiCompleted("ai-lost"), weCompleted("we-lost"));

    RemediationWorkflow wf = start(env, worker, input("lost"));
    RemediationResult result = result(wf);

    assertThat(result.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.reads).extracting(k -> k.name()).containsExactly("sp-lost");
    assertThat(cluster.eventReasons()).contains("ChildStatusRecovered");
    assertThat(cluster.terminations).isEmpty();
    recordHistory(env, wf, "lost-signal-recovered");
  }

  @Test
  @Timeout(120)
  void anApiOutageThatNeverEndsTimesOutThePhaseItStarvesInsteadOfRetryingForEver(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(spCompleted("sp-outage")).outageFrom("ai-outage");
    RemediationWorkflow wf = start(env, worker, input("outage"));

    ApplicationFailure f = failure(wf);

    DesiredStatus st = wf.state().status();
    Duration took = Duration.between(st.startTime(), st.completionTime());
    assertThat(f.getType()).isEqualTo("TimedOut");
    assertThat(st.overallPhase()).isEqualTo(Phase.TimedOut);
    assertThat(st.reason()).isEqualTo("PhaseTimeout");
    assertThat(st.failure().timeoutPhase()).isEqualTo("Analyzing");
    assertThat(took).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
    assertThat(cluster.unavailableCalls.get()).isGreaterThan(5); // it did retry meanwhile
  }
}
