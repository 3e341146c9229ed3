package ai.kubernaut.orchestrator.bridge;

import static ai.kubernaut.orchestrator.activities.TestRemediations.notification;
import static ai.kubernaut.orchestrator.activities.TestRemediations.ownedBy;
import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spCompletedStatus;
import static ai.kubernaut.orchestrator.activities.TestRemediations.spStatus;
import static ai.kubernaut.orchestrator.activities.TestRemediations.weRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.activities.ActivityMetrics;
import ai.kubernaut.orchestrator.activities.ChildActivitiesImpl;
import ai.kubernaut.orchestrator.activities.NotificationActivitiesImpl;
import ai.kubernaut.orchestrator.activities.StatusActivitiesImpl;
import ai.kubernaut.orchestrator.activities.TestRemediations;
import ai.kubernaut.orchestrator.activities.kube.TemporalUi;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationType;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import ai.kubernaut.orchestrator.sandbox.kubeapi.FaultRule;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.RemediationDataConverter;
import ai.kubernaut.orchestrator.workflows.RemediationSearchAttributes;
import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.DesiredStatus;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationResult;
import ai.kubernaut.orchestrator.workflows.model.RemediationState;
import ai.kubernaut.orchestrator.workflows.model.RoutingPolicy;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.routing.FingerprintCoordinatorWorkflow;
import ai.kubernaut.orchestrator.workflows.routing.FingerprintCoordinatorWorkflowImpl;
import ai.kubernaut.orchestrator.workflows.routing.RoutingClient;
import ai.kubernaut.orchestrator.workflows.routing.RoutingIds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge against the strict Kubernetes API stand-in and a Temporal test server running {@link
 * FakeRemediationWorkflow}. One stand-in and one Temporal environment per class; a namespace (and
 * bridges that watch only it) per test.
 */
class BridgeIT {

  static final String TASK_QUEUE = "bridge-it";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String BRIDGE_AGENT = "kubernaut-bridge-it";
  static final ApiCall STATUS_PATCH =
      new ApiCall("patch", "kubernaut.ai", "remediationrequests", "status");

  /** Short, so the tests whose fake workflow writes no status see status.temporal soon. */
  static final Duration PENDING_STATUS_DELAY = Duration.ofMillis(500);

  static KubernetesApiStandIn api;
  static TestWorkflowEnvironment temporal;
  static WorkflowClient workflows;
  static KubernetesClient workerKube;

  final List<AutoCloseable> closeables = new ArrayList<>();
  String ns;
  KubernetesClient kube;

  @BeforeAll
  static void startServers() {
    api = KubernetesApiStandIn.start();
    temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(RemediationDataConverter.get())
                        .build())
                .build());
    RemediationSearchAttributes.DEFINITIONS.forEach(temporal::registerSearchAttribute);
    Worker worker = temporal.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        FakeRemediationWorkflow.class, FingerprintCoordinatorWorkflowImpl.class);
    workerKube = api.newClient(c -> c.withUserAgent("kubernaut-worker-it"));
    worker.registerActivitiesImplementations(
        new StatusActivitiesImpl(
            workerKube, Clock.systemUTC(), ActivityMetrics.inMemory(), TemporalUi.none()));
    temporal.start();
    workflows = temporal.getWorkflowClient();
  }

  @AfterAll
  static void stopServers() {
    temporal.close();
    workerKube.close();
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = api.createNamespace("t-" + UUID.randomUUID().toString().substring(0, 8));
    kube = api.client();
  }

  @AfterEach
  void closeBridges() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  @Test
  void aRemediationWhoseWorkflowRecordsNothingShowsPendingAfterTheDelayInOneWrite() {
    Duration delay = Duration.ofSeconds(3);
    bridge(null, "bridge-it", delay);
    api.requestLog().clear();
    Instant created = Instant.now();

    RemediationRequest rr = create(rr(ns, "just-started"));
    String id = WorkflowStarter.workflowId(rr);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get(rr).getStatus() != null && get(rr).getStatus().getTemporal() != null);
    Instant shown = Instant.now();

    RemediationRequestStatus status = get(rr).getStatus();
    assertThat(Duration.between(created, shown))
        .as("the bridge leaves status.temporal to the workflow for the delay")
        .isGreaterThanOrEqualTo(delay);
    assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.PENDING);
    assertThat(status.getTemporal().getWorkflowId()).isEqualTo(id);
    assertThat(status.getTemporal().getRunId())
        .isEqualTo(workflows.newUntypedWorkflowStub(id).describe().getExecution().getRunId());
    assertThat(FakeRemediationWorkflow.starts(id)).isEqualTo(1);
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> bridgeCalls(STATUS_PATCH) == 1);
  }

  @Test
  void sendsNoStatusPatchWhenTheWorkflowRecordsItsRunWithinTheDelay() {
    Duration delay = BridgeConfig.PENDING_STATUS_DELAY;
    bridge(null, "bridge-it", delay);
    FakeRemediationWorkflow.WRITES_STATUS.add(ns + "/recorded-by-workflow");
    api.requestLog().clear();

    RemediationRequest rr = create(rr(ns, "recorded-by-workflow"));
    String id = WorkflowStarter.workflowId(rr);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RemediationRequestStatus status = get(rr).getStatus();
              assertThat(status).isNotNull();
              assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.PROCESSING);
              assertThat(status.getTemporal().getWorkflowId()).isEqualTo(id);
              assertThat(status.getTemporal().getRunId())
                  .isEqualTo(
                      workflows.newUntypedWorkflowStub(id).describe().getExecution().getRunId());
            });
    // past the bridge's check (delay after the start) and a few drift sweeps (every second)
    await()
        .during(delay.plusSeconds(2))
        .atMost(WAIT.plus(delay))
        .until(() -> bridgeCalls(STATUS_PATCH) == 0);
    assertThat(api.requestLog().callsFrom(BRIDGE_AGENT))
        .as("the finalizer is still the bridge's one write to the RR")
        .containsKey(ApiCall.of("patch", "kubernaut.ai", "remediationrequests"));
    assertThat(get(rr).getStatus().getOverallPhase()).isEqualTo(RemediationPhase.PROCESSING);
    assertThat(FakeRemediationWorkflow.starts(id)).isEqualTo(1);
  }

  @Test
  void startsTheWorkflowExactlyOnceAcrossResyncsAndABridgeRestart() throws Exception {
    Bridge first = bridge(null);
    RemediationRequest rr = create(rr(ns, "disk-full"));
    String id = WorkflowStarter.workflowId(rr);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RemediationRequest current = get(rr);
              assertThat(current.hasFinalizer(RemediationRequest.FINALIZER)).isTrue();
              assertThat(current.getStatus()).isNotNull();
              assertThat(current.getStatus().getTemporal()).isNotNull();
              assertThat(current.getStatus().getTemporal().getWorkflowId()).isEqualTo(id);
              assertThat(FakeRemediationWorkflow.starts(id)).isEqualTo(1);
            });
    String runId = get(rr).getStatus().getTemporal().getRunId();
    first.close();
    Bridge second = bridge(null);

    await()
        .during(Duration.ofSeconds(3))
        .atMost(WAIT)
        .until(() -> second.isLeader() && FakeRemediationWorkflow.starts(id) == 1);
    assertThat(get(rr).getStatus().getTemporal().getRunId()).isEqualTo(runId);
    assertThat(FakeRemediationWorkflow.INPUTS.get(id).snapshot().signalName())
        .isEqualTo("HighMemoryUsage");
  }

  @Test
  void takesAnRrFromAddedToStartedWithoutReadingItBack() {
    bridge(null);
    api.requestLog().clear();

    startedRr("no-reads");

    Map<ApiCall, Long> calls = api.requestLog().callsFrom(BRIDGE_AGENT);
    assertThat(calls)
        .as("the informer's copy is enough: finalizer and status.temporal are patched from it")
        .doesNotContainKey(ApiCall.of("get", "kubernaut.ai", "remediationrequests"))
        .containsKey(ApiCall.of("patch", "kubernaut.ai", "remediationrequests"))
        .containsKey(new ApiCall("patch", "kubernaut.ai", "remediationrequests", "status"));
  }

  @Test
  void signalsEachChildStatusChangeOnceAndIgnoresResyncsAndNoise() {
    Bridge bridge = bridge(null);
    RemediationRequest rr = startedRr("crash-loop");
    String id = WorkflowStarter.workflowId(rr);
    String we = "we-crash-loop";
    create(ownedBy(new WorkflowExecution(), rr, we));

    setWeStatus(we, weRunning(1, 3));
    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 1);
    kube.resources(WorkflowExecution.class)
        .inNamespace(ns)
        .withName(we)
        .edit(
            o -> {
              o.getMetadata().setAnnotations(Map.of("noise", "yes"));
              return o;
            });

    await()
        .during(Duration.ofSeconds(3))
        .atMost(WAIT)
        .until(() -> FakeRemediationWorkflow.signals(id).size() == 1);
    setWeStatus(we, weRunning(2, 3));
    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 2);
    assertThat(FakeRemediationWorkflow.signals(id))
        .extracting(s -> s.execution().stepsCompleted())
        .containsExactly(1, 2);
    await().atMost(WAIT).until(() -> counter(bridge, BridgeMetrics.SIGNALS_SENT) == 2);
    assertThat(counter(bridge, BridgeMetrics.SIGNALS_FILTERED)).isPositive();
  }

  @Test
  void sharesItsChildCacheWithThisReplicasActivitiesWhileItLeads() {
    Bridge bridge = bridge(null);
    RemediationRequest rr = startedRr("cached");
    create(ownedBy(new SignalProcessing(), rr, "sp-cached"));
    setSpStatus("sp-cached", spCompletedStatus("production", "P1"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(bridge.cachedChild(SignalProcessing.class, ns, "sp-cached"))
                    .extracting(sp -> sp.getStatus().getPriority())
                    .isEqualTo("P1"));
    assertThat(bridge.cachedChild(AIAnalysis.class, ns, "sp-cached")).isNull();
    bridge.close();
    assertThat(bridge.cachedChild(SignalProcessing.class, ns, "sp-cached"))
        .as("no longer leading: no cache")
        .isNull();
  }

  @Test
  void signalsOnlyTheEndOfProcessingNotItsSteps() {
    Bridge bridge = bridge(null);
    RemediationRequest rr = startedRr("steps");
    String id = WorkflowStarter.workflowId(rr);
    String sp = "sp-steps";
    create(ownedBy(new SignalProcessing(), rr, sp));

    setSpStatus(sp, spStatus(SignalProcessingPhase.ENRICHING));
    await().atMost(WAIT).until(() -> counter(bridge, BridgeMetrics.SIGNALS_FILTERED) > 0);
    setSpStatus(sp, spCompletedStatus("production", "P1"));

    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 1);
    assertThat(FakeRemediationWorkflow.signals(id))
        .extracting(ChildStatus::phase)
        .containsExactly("Completed");
  }

  @Test
  void holdsASignalForAWorkflowNotStartedYetUntilItStarts() {
    RemediationRequest rr = create(rr(ns, "early-child"));
    String id = WorkflowStarter.workflowId(rr);
    String sp = "sp-early-child";
    create(ownedBy(new SignalProcessing(), rr, sp));
    setSpStatus(sp, spCompletedStatus("production", "P1"));
    // The finalizer write comes before the workflow start: failing it keeps the workflow unstarted
    // while the child informer already has the Completed status to signal.
    FaultRule holdStart =
        api.faults()
            .add(
                FaultRule.on("PATCH", ".*/namespaces/" + ns + "/remediationrequests/early-child")
                    .respond(503));
    Bridge bridge = bridge(null);
    try {
      await()
          .atMost(WAIT)
          .until(() -> holdStart.hits() > 0 && counter(bridge, BridgeMetrics.SIGNALS_FAILED) > 0);
      assertThat(FakeRemediationWorkflow.starts(id)).isZero();
    } finally {
      api.faults().remove(holdStart);
    }

    awaitSignalledPhases(id, "Completed");
    assertThat(FakeRemediationWorkflow.starts(id)).isEqualTo(1);
    assertThat(bridge.metrics().filtered(BridgeMetrics.FilterReason.WORKFLOW_CLOSED)).isZero();
  }

  @Test
  void signalsANotificationRequestFoundByLabelOnly() {
    bridge(null);
    RemediationRequest rr = startedRr("notify");
    String id = WorkflowStarter.workflowId(rr);
    NotificationRequest nr = create(notification(rr, "nr-escalation-notify"));

    NotificationRequestStatus sent = new NotificationRequestStatus();
    sent.setPhase(NotificationPhase.SENT);
    kube.resources(NotificationRequest.class)
        .inNamespace(ns)
        .withName(nr.getMetadata().getName())
        .editStatus(
            o -> {
              o.setStatus(sent);
              return o;
            });

    awaitSignalledPhases(id, "Sent");
  }

  @Test
  void signalsReachANewRunOfTheSameWorkflowId() {
    bridge(null);
    RemediationRequest rr = startedRr("reset");
    String id = WorkflowStarter.workflowId(rr);
    String firstRun = get(rr).getStatus().getTemporal().getRunId();
    String we = "we-reset";
    create(ownedBy(new WorkflowExecution(), rr, we));
    setWeStatus(we, weRunning(1, 3));
    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 1);

    String newRun = startNewRun(rr);
    setWeStatus(we, weRunning(2, 3));

    assertThat(newRun).isNotEqualTo(firstRun);
    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 2);
    assertThat(workflows.newUntypedWorkflowStub(id).describe().getExecution().getRunId())
        .isEqualTo(newRun);
  }

  @Test
  void cancelsTheWorkflowAndReleasesTheRrDeletedMidFlight() {
    Bridge bridge = bridge(null);
    RemediationRequest rr = startedRr("mid-flight");
    String id = WorkflowStarter.workflowId(rr);

    kube.resources(RemediationRequest.class).inNamespace(ns).withName("mid-flight").delete();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(FakeRemediationWorkflow.CANCELLED).contains(id);
              assertThat(get(rr)).isNull();
            });
    assertThat(counter(bridge, BridgeMetrics.CANCELLATIONS)).isEqualTo(1);
  }

  @Test
  void releasesAnRrDeletedAfterItsWorkflowCompletedAtOnce() {
    bridge(null);
    RemediationRequest rr = startedRr("done");
    String id = WorkflowStarter.workflowId(rr);
    finish(id, new RemediationResult(Phase.Completed, Outcome.Remediated, "Remediated", "fixed"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                workflows.newUntypedWorkflowStub(id).describe().getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);

    kube.resources(RemediationRequest.class).inNamespace(ns).withName("done").delete();

    await().atMost(Duration.ofSeconds(5)).until(() -> get(rr) == null);
    assertThat(FakeRemediationWorkflow.CANCELLED).doesNotContain(id);
  }

  @Test
  void marksTheRrFailedWhenItsWorkflowIsTerminated() {
    Bridge bridge = bridge(null);
    RemediationRequest rr = startedRr("terminated");
    String id = WorkflowStarter.workflowId(rr);

    workflows.newUntypedWorkflowStub(id).terminate("operator gave up");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RemediationRequestStatus status = get(rr).getStatus();
              assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.FAILED);
              assertThat(status.getOutcome()).isEqualTo(RemediationOutcome.FAILED);
              assertThat(status.getReason()).isEqualTo("WorkflowTerminated");
              assertThat(status.getRetentionExpiryTime()).isNotNull();
              assertThat(counter(bridge, BridgeMetrics.DRIFT_REPAIRS)).isEqualTo(1);
            });
  }

  @Test
  void aTerminatedRemediationStopsItsChildrenNotifiesOnceAndCountsAsAFailure() {
    bridge(null);
    bridge(null); // a second replica active at the same time: every step is idempotent
    RemediationRequest rr = startedRr("terminated-mid-flight");
    String id = WorkflowStarter.workflowId(rr);
    create(ownedBy(new SignalProcessing(), rr, "sp-terminated-mid-flight"));
    setSpStatus("sp-terminated-mid-flight", spStatus(SignalProcessingPhase.ENRICHING));
    RoutingRequest routing =
        new RoutingRequest(
            RemediationInputMapper.ref(rr),
            id,
            TestRemediations.FINGERPRINT,
            RemediationInputMapper.snapshot(rr.getSpec()).target(),
            Instant.parse(rr.getMetadata().getCreationTimestamp()),
            RoutingPolicy.defaults());
    new RoutingClient(workflows).register(routing, TASK_QUEUE);

    workflows.newUntypedWorkflowStub(id).terminate("operator gave up");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RemediationRequestStatus status = get(rr).getStatus();
              assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.FAILED);
              assertThat(status.getNotificationRequestRefs())
                  .extracting(r -> r.getName())
                  .containsExactly("nr-escalation-terminated-mid-flight");
            });
    SignalProcessing sp =
        kube.resources(SignalProcessing.class)
            .inNamespace(ns)
            .withName("sp-terminated-mid-flight")
            .get();
    assertThat(sp.getStatus().getPhase()).isEqualTo(SignalProcessingPhase.FAILED);
    assertThat(sp.getStatus().getMessage()).startsWith("ParentFailed");
    List<NotificationRequest> nrs =
        kube.resources(NotificationRequest.class).inNamespace(ns).list().getItems();
    assertThat(nrs).hasSize(1);
    assertThat(nrs.get(0).getSpec().getType()).isEqualTo(NotificationType.ESCALATION);
    FingerprintCoordinatorWorkflow.State coordinator =
        workflows
            .newWorkflowStub(
                FingerprintCoordinatorWorkflow.class,
                RoutingIds.coordinator(TestRemediations.FINGERPRINT, routing.target()))
            .state();
    assertThat(coordinator.consecutiveFailures()).isEqualTo(1);
    assertThat(coordinator.members()).isEmpty();

    // drift sweeps every second on both replicas: nothing is created again
    await()
        .during(Duration.ofSeconds(3))
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        kube.resources(NotificationRequest.class).inNamespace(ns).list().getItems())
                    .hasSize(1));
  }

  @Test
  void aRunThatEndedButCouldNotWriteItsFinalStatusGetsItWrittenByTheBridge() {
    bridge(null);
    RemediationRequest rr = startedRr("ended-during-outage");
    String id = WorkflowStarter.workflowId(rr);
    Instant now = Instant.now();
    DesiredStatus timedOut =
        new DesiredStatus(
            Phase.TimedOut,
            Outcome.TimedOut,
            "PhaseTimeout",
            "Analyzing timeout of 10m passed while the Kubernetes API was unavailable",
            now.minusSeconds(600),
            now,
            now,
            now.plus(Duration.ofHours(24)),
            null,
            null,
            null,
            null,
            new DesiredStatus.Failure("Analyzing", "PhaseTimeout", "Analyzing", now),
            null,
            false);
    FakeRemediationWorkflow.STATES.put(
        id,
        new RemediationState(
            timedOut, 7, null, null, null, null, 0, null, null, null, null, null, null, List.of(),
            List.of(), List.of(), List.of(), 1, null, null, null));

    // the run ended (its final write failed); here it closes without a result the bridge reads
    workflows.newUntypedWorkflowStub(id).terminate("stand-in for a run that failed TimedOut");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RemediationRequestStatus status = get(rr).getStatus();
              assertThat(status.getOverallPhase()).isEqualTo(RemediationPhase.TIMED_OUT);
              assertThat(status.getReason()).isEqualTo("PhaseTimeout");
              assertThat(String.valueOf(status.getTimeoutPhase())).isEqualTo("Analyzing");
            });
    assertThat(kube.resources(NotificationRequest.class).inNamespace(ns).list().getItems())
        .isEmpty(); // the run notified (or tried) itself
  }

  @Test
  void retentionDeletesOnlyExpiredTerminalRrs() {
    Instant past = Instant.now().minus(Duration.ofMinutes(5));
    Instant future = Instant.now().plus(Duration.ofHours(1));
    RemediationRequest expired = terminal(create(rr(ns, "expired")), past);
    RemediationRequest kept = terminal(create(rr(ns, "kept")), future);
    RemediationRequest active = create(rr(ns, "active"));
    kube.resources(RemediationRequest.class)
        .inNamespace(ns)
        .withName("active")
        .editStatus(
            o -> {
              o.setStatus(new RemediationRequestStatus());
              o.getStatus().setRetentionExpiryTime(past.toString());
              return o;
            });

    Bridge bridge = bridge(null);

    await().atMost(WAIT).until(() -> get(expired) == null);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(WAIT)
        .until(() -> get(kept) != null && get(active) != null);
    assertThat(counter(bridge, BridgeMetrics.RETENTION_DELETIONS)).isEqualTo(1);
  }

  @Test
  void onlyTheLeaderSignalsAndATakeoverSignalsNothingTwice() {
    BridgeConfig.LeaseSettings lease =
        new BridgeConfig.LeaseSettings(
            "bridge-it", ns, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(200));
    Bridge a = bridge(lease, "a");
    await().atMost(WAIT).until(a::isLeader);
    Bridge b = bridge(lease, "b");
    RemediationRequest rr = startedRr("ha");
    String id = WorkflowStarter.workflowId(rr);
    String we = "we-ha";
    create(ownedBy(new WorkflowExecution(), rr, we));
    setWeStatus(we, weRunning(1, 3));
    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 1);
    assertThat(b.isLeader()).isFalse();
    assertThat(counter(b, BridgeMetrics.SIGNALS_SENT)).isZero();

    a.close();

    await().atMost(WAIT).until(b::isLeader);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .until(() -> FakeRemediationWorkflow.signals(id).size() == 1);
    setWeStatus(we, weRunning(2, 3));
    await().atMost(WAIT).until(() -> FakeRemediationWorkflow.signals(id).size() == 2);
    assertThat(FakeRemediationWorkflow.signals(id))
        .extracting(ChildStatus::resourceVersion)
        .doesNotHaveDuplicates();
    assertThat(FakeRemediationWorkflow.starts(id)).isEqualTo(1);
  }

  @Test
  void recoversFromLostWatchesWithoutStallingARemediation() {
    Bridge bridge = bridge(null);
    RemediationRequest rr = startedRr("watch-loss");
    String id = WorkflowStarter.workflowId(rr);
    String sp = "sp-watch-loss";
    create(ownedBy(new SignalProcessing(), rr, sp));
    await().atMost(WAIT).until(bridge::isHealthy);

    assertThat(api.dropWatches()).isPositive();
    setSpStatus(sp, spCompletedStatus("production", "P1"));
    RemediationRequest later = create(rr(ns, "after-loss"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(FakeRemediationWorkflow.signals(id))
                  .extracting(ChildStatus::phase)
                  .containsExactly("Completed");
              assertThat(FakeRemediationWorkflow.starts(WorkflowStarter.workflowId(later)))
                  .isEqualTo(1);
              assertThat(bridge.isHealthy()).isTrue();
            });
  }

  // --- helpers

  private static void awaitSignalledPhases(String workflowId, String... phases) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(FakeRemediationWorkflow.signals(workflowId))
                    .extracting(ChildStatus::phase)
                    .containsExactly(phases));
  }

  private Bridge bridge(BridgeConfig.LeaseSettings lease) {
    return bridge(lease, "bridge-it");
  }

  private Bridge bridge(BridgeConfig.LeaseSettings lease, String identity) {
    return bridge(lease, identity, PENDING_STATUS_DELAY);
  }

  private Bridge bridge(
      BridgeConfig.LeaseSettings lease, String identity, Duration pendingStatusDelay) {
    KubernetesClient client = api.newClient(c -> c.withUserAgent(BRIDGE_AGENT));
    BridgeConfig config =
        new BridgeConfig(
            List.of(ns),
            TASK_QUEUE,
            identity,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            lease,
            new BridgeConfig.ExecutorSettings(2, Duration.ofMillis(50), Duration.ofSeconds(1)),
            Duration.ofSeconds(10),
            pendingStatusDelay,
            null);
    ActivityMetrics metrics = ActivityMetrics.inMemory();
    BridgeActivities activities =
        new BridgeActivities(
            new StatusActivitiesImpl(client, Clock.systemUTC(), metrics, TemporalUi.none()),
            new ChildActivitiesImpl(client, Clock.systemUTC(), metrics),
            new NotificationActivitiesImpl(client, metrics));
    Bridge bridge =
        new Bridge(
            client, workflows, config, new SimpleMeterRegistry(), Clock.systemUTC(), activities);
    closeables.add(client);
    closeables.add(0, bridge);
    bridge.start();
    return bridge;
  }

  private RemediationRequest startedRr(String name) {
    RemediationRequest rr = create(rr(ns, name));
    String id = WorkflowStarter.workflowId(rr);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              RemediationRequest current = get(rr);
              return current.getStatus() != null
                  && current.getStatus().getTemporal() != null
                  && FakeRemediationWorkflow.starts(id) == 1;
            });
    return get(rr);
  }

  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> T create(T resource) {
    Class<T> type = (Class<T>) resource.getClass();
    return kube.resources(type).inNamespace(ns).resource(resource).create();
  }

  private RemediationRequest get(RemediationRequest rr) {
    return kube.resources(RemediationRequest.class)
        .inNamespace(ns)
        .withName(rr.getMetadata().getName())
        .get();
  }

  private RemediationRequest terminal(RemediationRequest rr, Instant retentionExpiry) {
    return kube.resources(RemediationRequest.class)
        .inNamespace(ns)
        .withName(rr.getMetadata().getName())
        .editStatus(
            o -> {
              RemediationRequestStatus s = new RemediationRequestStatus();
              s.setOverallPhase(RemediationPhase.COMPLETED);
              s.setOutcome(RemediationOutcome.REMEDIATED);
              s.setRetentionExpiryTime(retentionExpiry.toString());
              o.setStatus(s);
              return o;
            });
  }

  private void setWeStatus(
      String name, ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionStatus status) {
    setStatus(WorkflowExecution.class, name, we -> we.setStatus(status));
  }

  private void setSpStatus(String name, SignalProcessingStatus status) {
    setStatus(SignalProcessing.class, name, sp -> sp.setStatus(status));
  }

  private <T extends HasMetadata> void setStatus(Class<T> type, String name, Consumer<T> change) {
    kube.resources(type)
        .inNamespace(ns)
        .withName(name)
        .editStatus(
            o -> {
              change.accept(o);
              return o;
            });
  }

  private void finish(String workflowId, RemediationResult result) {
    workflows.newWorkflowStub(FakeControl.class, workflowId).finish(result);
  }

  /** What a reset does to the bridge: the same workflow ID continues in a new run. */
  private String startNewRun(RemediationRequest rr) {
    RemediationWorkflow stub =
        workflows.newWorkflowStub(
            RemediationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowStarter.workflowId(rr))
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING)
                .build());
    return WorkflowClient.start(
            stub::run,
            RemediationInputMapper.map(
                rr, ai.kubernaut.orchestrator.workflows.model.RemediationSettings.defaults()))
        .getRunId();
  }

  private static long bridgeCalls(ApiCall call) {
    return api.requestLog().callsFrom(BRIDGE_AGENT).getOrDefault(call, 0L);
  }

  private static double counter(Bridge bridge, String name) {
    return bridge.metrics().count(name);
  }
}
