package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.TestRemediations.ai;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.input;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.rr;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.spFailed;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weCompleted;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weRunning;
import static ai.kubernaut.orchestrator.workflows.TestRemediations.weSkipped;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitCreated;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.awaitPhase;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.cluster;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.failure;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.holdTime;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.recordHistory;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.result;
import static ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.WorkflowTestSupport.TimeHold;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationPriority;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.RetryRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingPolicy;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import ai.kubernaut.orchestrator.workflows.routing.FingerprintCoordinatorWorkflow;
import ai.kubernaut.orchestrator.workflows.routing.RoutingIds;
import ai.kubernaut.orchestrator.workflows.routing.TargetLockWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC §5: duplicates, the per-target execution lock, cooldown, consecutive failures, skips. */
class RoutingWorkflowTest {

  @RegisterExtension static final TestWorkflowExtension ext = WorkflowTestSupport.extension();

  private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
  private static final TargetRef TARGET =
      new TargetRef("Deployment", "api", TestRemediations.NAMESPACE, "apps/v1");

  private static String fingerprint(int n) {
    return String.format("%064x", n);
  }

  private static void scriptSuccess(FakeCluster c, String rr, String workflow) {
    c.script(
        spCompleted("sp-" + rr),
        ai("ai-" + rr, "Completed", null, false, false, workflow),
        weCompleted("we-" + rr));
  }

  private static RemediationResult resultOrFailure(RemediationWorkflow wf) {
    try {
      return result(wf);
    } catch (WorkflowFailedException e) {
      return null;
    }
  }

  // ---- DuplicateInProgress

  @Test
  void simultaneousDuplicatesHaveExactlyOneOwnerTwentyTimesOver(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    FakeCluster cluster = cluster(env, worker);
    Random random = new Random(42);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      for (int rep = 0; rep < 20; rep++) {
        String fp = fingerprint(1000 + rep);
        List<String> names = List.of("dup" + rep + "-a", "dup" + rep + "-b", "dup" + rep + "-c");
        // distinct workflows per repetition: the cooldown of the shared target does not apply.
        // The SignalProcessing completes only once all three are registered: on a loaded machine
        // a late start would otherwise find the first remediation already over and rightly own
        // a new one, which is not the race this test is about.
        names.forEach(
            n ->
                cluster.script(
                    ai("ai-" + n, "Completed", null, false, false, "wf-rep-" + n),
                    weCompleted("we-" + n)));
        List<String> order = new ArrayList<>(names);
        Collections.shuffle(order, random);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<RemediationWorkflow>> started = new ArrayList<>();
        for (String n : order) {
          long jitter = random.nextInt(3);
          started.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(jitter));
                    return start(
                        env, worker, input(n, fp, CREATED, RemediationSettings.defaults()));
                  },
                  threads));
        }
        go.countDown();
        Map<String, RemediationWorkflow> workflows = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
          workflows.put(order.get(i), started.get(i).get(20, TimeUnit.SECONDS));
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    workflows.entrySet().stream()
                        .allMatch(
                            e ->
                                cluster.created.contains("sp-" + e.getKey())
                                    || e.getValue().state().phase() == Phase.Blocked));
        for (String n : names) {
          if (cluster.created.contains("sp-" + n)) {
            cluster.push(rr(n), spCompleted("sp-" + n));
          }
        }
        List<RemediationResult> results = new ArrayList<>();
        for (RemediationWorkflow wf : workflows.values()) {
          results.add(result(wf));
        }

        List<String> owners =
            names.stream().filter(n -> cluster.created.contains("sp-" + n)).toList();
        assertThat(owners).as("repetition %d", rep).hasSize(1);
        assertThat(results).allMatch(r -> r.phase() == Phase.Completed);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.Remediated).hasSize(3);
        assertThat(results).filteredOn(r -> "Deduplicated".equals(r.reason())).hasSize(2);
        String owner = owners.get(0);
        NotificationOrder bulk =
            cluster.notifications.stream()
                .filter(o -> o.bulk() && o.rr().name().equals(owner))
                .findFirst()
                .orElseThrow();
        assertThat(bulk.type()).isEqualTo(NotificationType.Simple);
        assertThat(bulk.duplicates())
            .containsExactlyInAnyOrderElementsOf(
                names.stream().filter(n -> !n.equals(owner)).toList());
        assertThat(bulk.message()).startsWith("2 duplicate remediations ended with " + owner);
        DesiredStatus last = lastStatus(cluster, owner);
        assertThat(last.routing().duplicateCount()).isEqualTo(2);
        assertThat(last.routing().lastDuplicateTime()).isNotNull();
        for (String d : names) {
          if (!d.equals(owner)) {
            DesiredStatus ds = lastStatus(cluster, d);
            assertThat(ds.routing().duplicateOf()).isEqualTo(owner);
            assertThat(ds.routing().blockReason()).isEqualTo("DuplicateInProgress");
            assertThat(cluster.created).doesNotContain("sp-" + d);
          }
        }
      }
    } finally {
      threads.shutdownNow();
    }
    recordHistory(env, RoutingIds.coordinator(fingerprint(1019), TARGET), "coordinator-duplicates");
  }

  @Test
  void theOlderThenTheLowerNameWinsWhenCreatedInTheSameSecond(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
    String fp = fingerprint(7);
    List.of("tie-a", "tie-b", "tie-z").forEach(n -> scriptSuccess(cluster, n, "wf-" + n));
    // arrival order is the worst case: the winner registers last
    RemediationWorkflow b =
        start(env, worker, input("tie-b", fp, now, RemediationSettings.defaults()));
    RemediationWorkflow a =
        start(env, worker, input("tie-a", fp, now, RemediationSettings.defaults()));
    RemediationWorkflow z =
        start(env, worker, input("tie-z", fp, now.minusSeconds(1), RemediationSettings.defaults()));

    assertThat(result(z).reason()).isEqualTo("Remediated");
    assertThat(result(a).reason()).isEqualTo("Deduplicated");
    assertThat(result(b).reason()).isEqualTo("Deduplicated");
    assertThat(cluster.created).contains("sp-tie-z").doesNotContain("sp-tie-a", "sp-tie-b");

    String fp2 = fingerprint(8);
    List.of("same-a", "same-b").forEach(n -> scriptSuccess(cluster, n, "wf-" + n));
    Instant now2 = Instant.ofEpochMilli(env.currentTimeMillis());
    RemediationWorkflow sb =
        start(env, worker, input("same-b", fp2, now2, RemediationSettings.defaults()));
    RemediationWorkflow sa =
        start(env, worker, input("same-a", fp2, now2, RemediationSettings.defaults()));
    assertThat(result(sa).reason()).isEqualTo("Remediated");
    assertThat(result(sb).reason()).isEqualTo("Deduplicated");
  }

  @Test
  void aFailedOriginalFailsItsDuplicatesAsDeduplicated(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    String fp = fingerprint(9);
    RemediationWorkflow orig =
        start(env, worker, input("orig-fails", fp, CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "sp-orig-fails");
    RemediationWorkflow dup =
        start(env, worker, input("dup-fails", fp, CREATED, RemediationSettings.defaults()));
    awaitPhase(dup, "Blocked");
    assertThat(dup.state().status().routing().duplicateOf()).isEqualTo("orig-fails");

    cluster.push(rr("orig-fails"), spFailed("sp-orig-fails"));

    assertThat(failure(orig).getType()).isEqualTo("SignalProcessing");
    failure(dup);
    DesiredStatus d = lastStatus(cluster, "dup-fails");
    assertThat(d.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(d.outcome()).isEqualTo(Outcome.Deduplicated);
    assertThat(d.message()).contains("duplicate of orig-fails, which ended Failed");
    assertThat(eventReasons(cluster, "dup-fails")).contains("RemediationBlocked");
  }

  @Test
  void aCancelledOriginalReleasesItsDuplicatesToProceedOnTheirOwn(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    String fp = fingerprint(10);
    scriptSuccess(cluster, "released", "wf-released");
    RemediationWorkflow orig =
        start(env, worker, input("to-cancel", fp, CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "sp-to-cancel");
    RemediationWorkflow dup =
        start(env, worker, input("released", fp, CREATED, RemediationSettings.defaults()));
    awaitPhase(dup, "Blocked");

    WorkflowStub.fromTyped(orig).cancel();

    RemediationResult r = result(dup);
    assertThat(r.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).contains("sp-released", "we-released");
    assertThat(statuses(cluster, "released"))
        .anySatisfy(
            s -> assertThat(s.message()).contains("to-cancel was cancelled").contains("own"));
    assertThat(eventReasons(cluster, "released")).contains("RemediationUnblocked");
  }

  @Test
  void theCoordinatorClosesOnlyOnceEverySignalItSentIsConfirmed(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    for (int rep = 0; rep < 3; rep++) {
      String fp = fingerprint(40 + rep);
      String orig = "sig-orig-" + rep;
      String dup = "sig-dup-" + rep;
      RemediationWorkflow o =
          start(env, worker, input(orig, fp, CREATED, RemediationSettings.defaults()));
      awaitCreated(cluster, "sp-" + orig);
      RemediationWorkflow d =
          start(env, worker, input(dup, fp, CREATED, RemediationSettings.defaults()));
      awaitPhase(d, "Blocked");

      // the original completes: its release signals the duplicate, and the coordinator closes
      scriptSuccess(cluster, orig, "wf-" + orig);
      cluster.push(rr(orig), spCompleted("sp-" + orig));
      assertThat(result(o).outcome()).isEqualTo(Outcome.Remediated);
      assertThat(result(d).reason()).isEqualTo("Deduplicated");
      String coord = RoutingIds.coordinator(fp, TARGET);
      env.getWorkflowClient().newUntypedWorkflowStub(coord).getResult(Void.class);

      List<HistoryEvent> events =
          env.getWorkflowClient().fetchHistory(coord).getHistory().getEventsList();
      assertThat(events)
          .as("coordinator %s: no task completed the run with signals pending", coord)
          .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      long initiated =
          events.stream()
              .filter(
                  e ->
                      e.getEventType()
                          == EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
              .count();
      long confirmed =
          events.stream()
              .filter(
                  e ->
                      e.getEventType() == EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED
                          || e.getEventType()
                              == EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED)
              .count();
      assertThat(initiated).isEqualTo(2); // duplicateRegistered to the owner, duplicateResolved
      assertThat(confirmed).as("every signal confirmed before the run closed").isEqualTo(initiated);
    }
  }

  // ---- ResourceBusy

  @Test
  void executionsOnOneTargetAreSerializedAcrossFingerprints(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-first"),
        ai("ai-first", "Completed", null, false, false, "restart-pod"),
        weRunning("we-first", 1, 3));
    scriptSuccess(cluster, "second", "scale-up");
    RemediationWorkflow first =
        start(
            env, worker, input("first", fingerprint(20), CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "we-first");
    RemediationWorkflow second =
        start(
            env, worker, input("second", fingerprint(21), CREATED, RemediationSettings.defaults()));
    awaitPhase(second, "Blocked");
    DesiredStatus blocked = second.state().status();
    assertThat(blocked.routing().blockReason()).isEqualTo("ResourceBusy");
    assertThat(blocked.message()).contains("first");
    assertThat(cluster.created).doesNotContain("we-second");

    cluster.push(rr("first"), weCompleted("we-first"));

    assertThat(result(first).outcome()).isEqualTo(Outcome.Remediated);
    assertThat(result(second).outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created.indexOf("we-second"))
        .isGreaterThan(cluster.created.indexOf("we-first"));
    assertThat(eventReasons(cluster, "second"))
        .containsSubsequence(
            "RemediationBlocked", "RemediationUnblocked", "WorkflowExecutionCreated");
    recordHistory(env, RoutingIds.lock(TARGET), "lock-serialized");
  }

  @Test
  @Timeout(60)
  void aRemediationBlockedWithoutAnEndTimesOutAfterItsBlockedBudget(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.overrides(
        new TimeoutOverrides(null, null, null, Duration.ofHours(5), null, Duration.ofHours(5)),
        null);
    cluster.script(
        spCompleted("sp-long-holder"),
        ai("ai-long-holder", "Completed", null, false, false, "restart-pod"),
        weRunning("we-long-holder", 1, 3));
    scriptSuccess(cluster, "long-waiter", "scale-up");
    start(
        env,
        worker,
        input("long-holder", fingerprint(34), CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "we-long-holder");
    cluster.overrides(TimeoutOverrides.none(), null); // the waiter runs on the defaults (1h)
    RemediationWorkflow waiter =
        start(
            env,
            worker,
            input("long-waiter", fingerprint(35), CREATED, RemediationSettings.defaults()));
    awaitPhase(waiter, "Blocked");
    var blocked = waiter.state().status();

    var f = failure(waiter);

    assertThat(f.getType()).isEqualTo("TimedOut");
    DesiredStatus last = lastStatus(cluster, "long-waiter");
    assertThat(last.failure().timeoutPhase()).isEqualTo("Blocked");
    assertThat(last.failure().timeoutTime())
        .isEqualTo(blocked.phaseStartTime().plus(Duration.ofHours(1)));
    assertThat(cluster.notifications)
        .filteredOn(n -> n.rr().name().equals("long-waiter"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.type()).isEqualTo(NotificationType.Escalation);
              assertThat(n.priority()).isEqualTo(NotificationPriority.Critical);
            });
    assertThat(cluster.created).doesNotContain("we-long-waiter");
  }

  @Test
  void aTerminatedHolderLosesTheLockAndTheWaiterProceeds(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-holder"),
        ai("ai-holder", "Completed", null, false, false, "restart-pod"),
        weRunning("we-holder", 1, 3));
    scriptSuccess(cluster, "waiter", "scale-up");
    RemediationWorkflow holder =
        start(
            env, worker, input("holder", fingerprint(30), CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "we-holder");
    RemediationWorkflow waiter =
        start(
            env, worker, input("waiter", fingerprint(31), CREATED, RemediationSettings.defaults()));
    awaitPhase(waiter, "Blocked");

    WorkflowStub.fromTyped(holder).terminate("operator terminate");

    assertThat(result(waiter).outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).contains("we-waiter");
  }

  @Test
  void aCancelledHolderReleasesTheLock(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-c-holder"),
        ai("ai-c-holder", "Completed", null, false, false, "restart-pod"),
        weRunning("we-c-holder", 1, 3));
    scriptSuccess(cluster, "c-waiter", "scale-up");
    RemediationWorkflow holder =
        start(
            env,
            worker,
            input("c-holder", fingerprint(32), CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "we-c-holder");
    RemediationWorkflow waiter =
        start(
            env,
            worker,
            input("c-waiter", fingerprint(33), CREATED, RemediationSettings.defaults()));
    awaitPhase(waiter, "Blocked");

    WorkflowStub.fromTyped(holder).cancel();

    assertThat(result(waiter).outcome()).isEqualTo(Outcome.Remediated);
    TargetLockWorkflow.State lock =
        env.getWorkflowClient()
            .newWorkflowStub(TargetLockWorkflow.class, RoutingIds.lock(TARGET))
            .state();
    assertThat(lock.holder()).isNull();
    assertThat(lock.recent()).extracting(c -> c.rrName()).containsExactly("c-waiter");
  }

  // ---- RecentlyRemediated

  @Test
  void theSameWorkflowOnTheSameTargetWithinTheCooldownIsSkipped(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    scriptSuccess(cluster, "earlier", "restart-pod");
    scriptSuccess(cluster, "later", "restart-pod");
    scriptSuccess(cluster, "much-later", "restart-pod");
    // no time may pass between the two remediations: with skipping unlocked, the test server may
    // jump over the lock workflow's cooldown timer while the client is between two calls
    TimeHold time = holdTime(env);
    assertThat(
            result(
                    start(
                        env,
                        worker,
                        input("earlier", fingerprint(40), CREATED, RemediationSettings.defaults())))
                .outcome())
        .isEqualTo(Outcome.Remediated);

    RemediationResult later =
        result(
            start(
                env,
                worker,
                input("later", fingerprint(41), CREATED, RemediationSettings.defaults())));

    assertThat(later.phase()).isEqualTo(Phase.Skipped);
    assertThat(later.outcome()).isEqualTo(Outcome.Deduplicated);
    assertThat(later.reason()).isEqualTo("RecentlyRemediated");
    assertThat(cluster.created).doesNotContain("we-later");
    DesiredStatus s = lastStatus(cluster, "later");
    assertThat(s.routing().skipReason()).isEqualTo("RecentlyRemediated");
    assertThat(s.routing().duplicateOf()).isEqualTo("earlier");

    time.close();
    env.sleep(Duration.ofMinutes(6));
    RemediationResult muchLater =
        result(
            start(
                env,
                worker,
                input("much-later", fingerprint(42), CREATED, RemediationSettings.defaults())));
    assertThat(muchLater.outcome()).isEqualTo(Outcome.Remediated);
  }

  // ---- ConsecutiveFailures

  @Test
  void threeFailuresInARowBlockTheNextForAnHourThenItFails(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    String fp = fingerprint(50);
    // the clock holds until cf-4 is Blocked: skipping while a client is between two calls (or
    // waits for a result) could jump over the idle coordinator's failure memory (24h), and the
    // coordinator would forget the three failures
    TimeHold time = holdTime(env);
    for (String n : List.of("cf-1", "cf-2", "cf-3")) {
      cluster.script(spFailed("sp-" + n));
      failure(start(env, worker, input(n, fp, CREATED, RemediationSettings.defaults())));
    }
    RemediationWorkflow blocked =
        start(env, worker, input("cf-4", fp, CREATED, RemediationSettings.defaults()));
    awaitPhase(blocked, "Blocked");
    DesiredStatus b = blocked.state().status();
    assertThat(b.routing().blockReason()).isEqualTo("ConsecutiveFailures");
    // decided by the coordinator a moment before the remediation entered Blocked
    assertThat(Duration.between(b.phaseStartTime(), b.routing().blockedUntil()))
        .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    time.close();

    assertThat(failure(blocked).getType()).isEqualTo("Blocked");
    DesiredStatus f = lastStatus(cluster, "cf-4");
    assertThat(f.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(f.reason()).isEqualTo("ConsecutiveFailures");
    assertThat(cluster.created).doesNotContain("sp-cf-4");
    assertThat(
            cluster.notifications.stream()
                .filter(o -> o.rr().name().equals("cf-4"))
                .map(o -> o.type()))
        .containsExactly(NotificationType.Escalation);

    // the block was served and escalated: the next one tries again
    scriptSuccess(cluster, "cf-5", "wf-cf-5");
    assertThat(
            result(start(env, worker, input("cf-5", fp, CREATED, RemediationSettings.defaults())))
                .outcome())
        .isEqualTo(Outcome.Remediated);
  }

  @Test
  void aSuccessResetsTheFailureCount(TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    String fp = fingerprint(60);
    RemediationSettings two =
        RemediationSettings.defaults().withRouting(null, 2, Duration.ofMinutes(30));
    cluster.script(spFailed("sp-rs-1"));
    failure(start(env, worker, input("rs-1", fp, CREATED, two)));
    scriptSuccess(cluster, "rs-2", "wf-rs-2");
    result(start(env, worker, input("rs-2", fp, CREATED, two)));
    cluster.script(spFailed("sp-rs-3"));
    failure(start(env, worker, input("rs-3", fp, CREATED, two)));
    scriptSuccess(cluster, "rs-4", "wf-rs-4");

    assertThat(result(start(env, worker, input("rs-4", fp, CREATED, two))).outcome())
        .isEqualTo(Outcome.Remediated);
    FingerprintCoordinatorWorkflow.State coord =
        env.getWorkflowClient()
            .newWorkflowStub(
                FingerprintCoordinatorWorkflow.class, RoutingIds.coordinator(fp, TARGET))
            .state();
    assertThat(coord.consecutiveFailures()).isZero();
  }

  // ---- WorkflowExecution Skipped

  @Test
  void aResourceBusySkipBlocksThenRunsTheExecutionAgain(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-busy"),
        ai("ai-busy", "Completed", null, false, false, "restart-pod"),
        weSkipped("we-busy", "ResourceBusy"),
        weCompleted("we-busy-retry-1"));

    RemediationResult r =
        result(
            start(
                env,
                worker,
                input("busy", fingerprint(70), CREATED, RemediationSettings.defaults())));

    assertThat(r.outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created).containsSubsequence("we-busy", "we-busy-retry-1");
    assertThat(writtenPhases(cluster, "busy"))
        .containsSubsequence(Phase.Executing, Phase.Blocked, Phase.Executing, Phase.Completed);
    assertThat(
            statuses(cluster, "busy").stream()
                .filter(s -> s.overallPhase() == Phase.Blocked)
                .findFirst()
                .orElseThrow()
                .routing()
                .blockReason())
        .isEqualTo("ResourceBusy");
  }

  @Test
  void aResourceBusyRecreationAfterOperatorRetriesTakesTheNextNumber(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-renum"),
        ai("ai-renum", "Completed", null, false, false, "restart-pod"),
        weSkipped("we-renum-retry-2", "ResourceBusy"),
        weCompleted("we-renum-retry-3"));
    RemediationWorkflow wf =
        start(
            env, worker, input("renum", fingerprint(72), CREATED, RemediationSettings.defaults()));
    awaitCreated(cluster, "we-renum");

    wf.retry(new RetryRequest("first"));
    wf.retry(new RetryRequest("second")); // we-renum-retry-2 reports Skipped/ResourceBusy

    assertThat(result(wf).outcome()).isEqualTo(Outcome.Remediated);
    assertThat(cluster.created)
        .containsSubsequence(
            "we-renum", "we-renum-retry-1", "we-renum-retry-2", "we-renum-retry-3");
  }

  @Test
  @Timeout(60)
  void endlessResourceBusySkipsEndAtTheExecutingDeadlineWithBoundedRefs(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.overrides(
        new TimeoutOverrides(null, null, null, Duration.ofMinutes(8), null, null), null);
    cluster.script(
        spCompleted("sp-always-busy"),
        ai("ai-always-busy", "Completed", null, false, false, "restart-pod"),
        weSkipped("we-always-busy", "ResourceBusy"));
    for (int k = 1; k <= 40; k++) {
      cluster.script(weSkipped("we-always-busy-retry-" + k, "ResourceBusy"));
    }

    var f =
        failure(
            start(
                env,
                worker,
                input("always-busy", fingerprint(73), CREATED, RemediationSettings.defaults())));

    assertThat(f.getType()).isEqualTo("TimedOut");
    DesiredStatus last = lastStatus(cluster, "always-busy");
    assertThat(last.failure().timeoutPhase()).isEqualTo("Executing");
    DesiredStatus firstExecuting =
        statuses(cluster, "always-busy").stream()
            .filter(s -> s.overallPhase() == Phase.Executing)
            .findFirst()
            .orElseThrow();
    // one Executing budget (8m) from the first WorkflowExecution, not renewed by each re-creation
    assertThat(last.failure().timeoutTime())
        .isEqualTo(firstExecuting.phaseStartTime().plus(Duration.ofMinutes(8)));
    assertThat(cluster.created).contains("we-always-busy-retry-15");
    assertThat(last.children().workflowExecutions())
        .hasSizeLessThanOrEqualTo(ChildRefs.MAX_EXECUTION_REFS);
  }

  @Test
  void anUnknownSkipReasonFailsWithTheReasonInTheMessage(
      TestWorkflowEnvironment env, Worker worker) {
    FakeCluster cluster = cluster(env, worker);
    cluster.script(
        spCompleted("sp-odd"),
        ai("ai-odd", "Completed", null, false, false, "restart-pod"),
        weSkipped("we-odd", "PolicyDenied"));

    failure(
        start(env, worker, input("odd", fingerprint(71), CREATED, RemediationSettings.defaults())));

    DesiredStatus s = lastStatus(cluster, "odd");
    assertThat(s.overallPhase()).isEqualTo(Phase.Failed);
    assertThat(s.message()).contains("unknown reason: PolicyDenied");
    assertThat(s.failure().failureReason()).isEqualTo("PolicyDenied");
  }

  @Test
  void policyDefaultsMatchTheSpec() {
    RoutingPolicy p = RemediationSettings.defaults().routing();
    assertThat(p.recentlyRemediatedCooldown()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.consecutiveFailureThreshold()).isEqualTo(3);
    assertThat(p.consecutiveFailureBlock()).isEqualTo(Duration.ofHours(1));
    RemediationSettings s =
        RemediationSettings.defaults().withRouting(Duration.ofMinutes(10), 5, null);
    assertThat(s.routing().recentlyRemediatedCooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.routing().consecutiveFailureThreshold()).isEqualTo(5);
    assertThat(s.routing().consecutiveFailureBlock()).isEqualTo(Duration.ofHours(1));
  }

  // ---- helpers

  private static List<DesiredStatus> statuses(FakeCluster c, String rr) {
    return c.statusWrites.stream()
        .filter(w -> w.rr().name().equals(rr))
        .map(StatusWrite::status)
        .toList();
  }

  private static DesiredStatus lastStatus(FakeCluster c, String rr) {
    List<DesiredStatus> s = statuses(c, rr);
    return s.get(s.size() - 1);
  }

  private static List<Phase> writtenPhases(FakeCluster c, String rr) {
    List<Phase> phases = new ArrayList<>();
    for (DesiredStatus s : statuses(c, rr)) {
      if (phases.isEmpty() || phases.get(phases.size() - 1) != s.overallPhase()) {
        phases.add(s.overallPhase());
      }
    }
    return phases;
  }

  private static List<String> eventReasons(FakeCluster c, String rr) {
    List<String> r = new ArrayList<>();
    c.statusWrites.stream()
        .filter(w -> w.rr().name().equals(rr))
        .forEach(w -> w.events().forEach(e -> r.add(e.reason())));
    return r;
  }
}
