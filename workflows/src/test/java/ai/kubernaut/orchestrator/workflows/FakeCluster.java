package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.ClusterActivities;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.activities.NotificationActivities;
import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.activities.StatusActivities;
import ai.kubernaut.orchestrator.workflows.activities.ValidationActivities;
import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestInfo;
import ai.kubernaut.orchestrator.workflows.model.CancelRequestLookup;
import ai.kubernaut.orchestrator.workflows.model.ChildKey;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildObservation;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import ai.kubernaut.orchestrator.workflows.model.NotificationOrder;
import ai.kubernaut.orchestrator.workflows.model.NotificationRef;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import ai.kubernaut.orchestrator.workflows.model.StatusWrite;
import ai.kubernaut.orchestrator.workflows.model.StatusWriteResult;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import ai.kubernaut.orchestrator.workflows.model.TimeoutOverrides;
import ai.kubernaut.orchestrator.workflows.model.ValidationResult;
import ai.kubernaut.orchestrator.workflows.model.Violation;
import ai.kubernaut.orchestrator.workflows.model.WorkflowWatch;
import ai.kubernaut.orchestrator.workflows.routing.RoutingClient;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small in-process "cluster" implementing every activity interface: it records what the workflow
 * asked for, and plays the controllers and the CRD bridge: a status scripted for a child is stored
 * (what readChildStatus returns) and signalled to the workflow when the child is created, or stored
 * silently to simulate a lost signal.
 */
final class FakeCluster
    implements ValidationActivities,
        ChildActivities,
        NotificationActivities,
        StatusActivities,
        ClusterActivities,
        RoutingActivities {

  private final WorkflowClient client;
  private final AtomicLong resourceVersion = new AtomicLong(100);

  final List<String> created = new CopyOnWriteArrayList<>();
  final Map<String, Object> createRequests = new ConcurrentHashMap<>();
  private final Set<String> notificationNames = ConcurrentHashMap.newKeySet();
  final List<NotificationOrder> notifications = new CopyOnWriteArrayList<>();
  final List<StatusWrite> statusWrites = new CopyOnWriteArrayList<>();
  final List<ApprovalDecisionRecord> decisions = new CopyOnWriteArrayList<>();
  final List<TerminateChildren> terminations = new CopyOnWriteArrayList<>();
  final List<ExtendChildDeadline> extensions = new CopyOnWriteArrayList<>();
  final List<ChildKey> reads = new CopyOnWriteArrayList<>();
  final List<TerminationRateQuery> rateQueries = new CopyOnWriteArrayList<>();

  private final Map<String, ChildStatus> stored = new ConcurrentHashMap<>();
  private final Map<String, List<ChildStatus>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Boolean> silent = new ConcurrentHashMap<>();
  private final Map<String, String> failCreate = new ConcurrentHashMap<>();
  private final Map<String, ChildStatus> decidedAtExpiry = new ConcurrentHashMap<>();

  volatile ValidationResult validation =
      new ValidationResult(List.of(), TimeoutOverrides.none(), null);
  volatile boolean gone;

  /** The RR was deleted after the start: status writes answer GONE. */
  volatile boolean statusGone;

  volatile TerminationRate rate = new TerminationRate(0, 20);

  /** Creating this child starts an API server outage that never ends (null: none). */
  private volatile String outageFrom;

  /** Every Kubernetes call fails retryably (503) from now on. */
  volatile boolean apiDown;

  /** Kubernetes calls answered 503 during the outage. */
  final AtomicLong unavailableCalls = new AtomicLong();

  final List<RoutingVerdict> verdicts = new CopyOnWriteArrayList<>();
  final List<LockAnswer> lockAnswers = new CopyOnWriteArrayList<>();
  final List<RoutingRelease> releases = new CopyOnWriteArrayList<>();

  private final RoutingClient routing;

  FakeCluster(WorkflowClient client) {
    this(client, client);
  }

  /**
   * {@code routingClient} reaches the coordination workflows: a client without the test
   * environment's time locking, so the close watch's long poll does not let time skip.
   */
  FakeCluster(WorkflowClient client, WorkflowClient routingClient) {
    this.client = client;
    this.routing = new RoutingClient(routingClient);
  }

  // ---- scripting

  /** When {@code name} is created, store and signal these statuses in order. */
  FakeCluster script(ChildStatus... statuses) {
    for (ChildStatus s : statuses) {
      scripts.computeIfAbsent(s.name(), k -> new CopyOnWriteArrayList<>()).add(s);
    }
    return this;
  }

  /**
   * No notification controller: NotificationRequests never report (by default each reports Sent as
   * it is created, unless scripted).
   */
  FakeCluster withoutNotificationController() {
    notificationsDelivered = false;
    return this;
  }

  private volatile boolean notificationsDelivered = true;

  private final Map<String, ChildStatus> reportDuringWrite = new ConcurrentHashMap<>();

  /**
   * The NotificationRequest reports {@code status} while the first status write that lists it is in
   * flight (instead of as it is created).
   */
  FakeCluster reportDuringWrite(ChildStatus status) {
    reportDuringWrite.put(status.name(), status);
    return this;
  }

  /** When the child is created, store this status but never signal it (a lost signal). */
  FakeCluster scriptSilently(ChildStatus status) {
    silent.put(status.name(), true);
    return script(status);
  }

  /**
   * Creating {@code name} blocks (in the activity, as a slow API server would) until the returned
   * latch is released; {@link #holding} counts down when the create has started.
   */
  CountDownLatch holdCreate(String name) {
    CountDownLatch release = new CountDownLatch(1);
    held.put(name, release);
    return release;
  }

  /** Writes in the order they returned: "created NAME", "terminated REASON". */
  final List<String> timeline = new CopyOnWriteArrayList<>();

  final CountDownLatch holding = new CountDownLatch(1);
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

  /** Creating {@code name} fails non-retryably with {@code type}. */
  FakeCluster failCreate(String name, String type) {
    failCreate.put(name, type);
    return this;
  }

  /**
   * Someone decides the RAR in the instant the orchestrator records Expired: the RAR then holds
   * {@code decided} (stored, not signalled) and recording Expired fails as already decided.
   */
  FakeCluster decideAtExpiry(ChildStatus decided) {
    decidedAtExpiry.put(decided.name(), decided);
    return this;
  }

  /** When {@code childName} is to be created, the API server stops answering, for good. */
  FakeCluster outageFrom(String childName) {
    outageFrom = childName;
    return this;
  }

  /** During an outage every Kubernetes call fails as a 503 would: retryably. */
  private void apiAvailable(String call) {
    if (apiDown) {
      unavailableCalls.incrementAndGet();
      throw new IllegalStateException(call + ": 503 Service Unavailable (injected outage)");
    }
  }

  FakeCluster invalid(String field, String message) {
    validation = new ValidationResult(List.of(new Violation(field, message)), null, null);
    return this;
  }

  FakeCluster overrides(TimeoutOverrides overrides, Integer maxRecoveryAttempts) {
    validation = new ValidationResult(List.of(), overrides, maxRecoveryAttempts);
    return this;
  }

  /** The bridge reports a status change now (stored and signalled, version stamped if absent). */
  void push(RemediationRef rr, ChildStatus status) {
    ChildStatus s = stamp(status);
    stored.merge(s.name(), s, (a, b) -> newer(a, b));
    signal(rr, s);
  }

  /**
   * The in-memory test server can answer NotFound for a signal sent in the instant a run continues
   * as new; like the bridge, retry a few times.
   */
  private void signal(RemediationRef rr, ChildStatus s) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.newWorkflowStub(RemediationWorkflow.class, WorkflowIds.of(rr)).childStatusChanged(s);
        return;
      } catch (WorkflowNotFoundException e) {
        if (attempt == 20) {
          throw e;
        }
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
    }
  }

  /**
   * Starts the run with {@code status} signalled in the same request, so the run receives it before
   * it has registered that child: the bridge listed the child before the run existed.
   */
  RemediationWorkflow startWithEarlyStatus(
      RemediationInput in, String taskQueue, ChildStatus status) {
    ChildStatus s = stamp(status);
    stored.merge(s.name(), s, (a, b) -> newer(a, b));
    client
        .newUntypedWorkflowStub(
            "RemediationWorkflow", RemediationWorkflowHosting.startOptions(in, taskQueue))
        .signalWithStart(
            RemediationWorkflow.CHILD_STATUS_CHANGED, new Object[] {s}, new Object[] {in});
    return client.newWorkflowStub(RemediationWorkflow.class, WorkflowIds.of(in.rr()));
  }

  /** Signals a raw status (no stamping, no storing): for stale/duplicate tests. */
  void signalRaw(RemediationRef rr, ChildStatus status) {
    signal(rr, status);
  }

  // ---- views

  List<Phase> writtenPhases() {
    List<Phase> phases = new ArrayList<>();
    for (StatusWrite w : statusWrites) {
      Phase p = w.status().overallPhase();
      if (phases.isEmpty() || phases.get(phases.size() - 1) != p) {
        phases.add(p);
      }
    }
    return phases;
  }

  StatusWrite lastWrite() {
    return statusWrites.get(statusWrites.size() - 1);
  }

  List<String> notificationTypes() {
    return notifications.stream().map(n -> n.type().name()).toList();
  }

  List<String> eventReasons() {
    List<String> r = new ArrayList<>();
    statusWrites.forEach(w -> w.events().forEach(e -> r.add(e.reason())));
    return r;
  }

  // ---- activities

  @Override
  public ValidationResult validateRemediation(RemediationRef rr) {
    apiAvailable("validate");
    if (gone) {
      throw ApplicationFailure.newNonRetryableFailure(
          "RemediationRequest gone", FailureTypes.REMEDIATION_REQUEST_GONE);
    }
    return validation;
  }

  @Override
  public ChildRef createSignalProcessing(CreateSignalProcessing request) {
    return create(request.rr(), ChildKind.SignalProcessing, request.name(), request);
  }

  @Override
  public ChildRef createAIAnalysis(CreateAIAnalysis request) {
    return create(request.rr(), ChildKind.AIAnalysis, request.name(), request);
  }

  @Override
  public ChildRef createApprovalRequest(CreateApprovalRequest request) {
    return create(request.rr(), ChildKind.RemediationApprovalRequest, request.name(), request);
  }

  @Override
  public ChildRef createWorkflowExecution(CreateWorkflowExecution request) {
    return create(request.rr(), ChildKind.WorkflowExecution, request.name(), request);
  }

  private ChildRef create(RemediationRef rr, ChildKind kind, String name, Object request) {
    CountDownLatch release = held.get(name);
    if (release != null) {
      holding.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ChildRef ref = createNow(rr, kind, name, request);
    timeline.add("created " + name);
    return ref;
  }

  private ChildRef createNow(RemediationRef rr, ChildKind kind, String name, Object request) {
    if (name.equals(outageFrom)) {
      apiDown = true;
    }
    apiAvailable("create " + name);
    String failure = failCreate.get(name);
    if (failure != null) {
      throw ApplicationFailure.newNonRetryableFailure("cannot create " + name, failure);
    }
    boolean adopted = createRequests.containsKey(name);
    createRequests.put(name, request);
    if (!adopted) {
      created.add(name);
      for (ChildStatus s : scripts.getOrDefault(name, List.of())) {
        if (silent.containsKey(name)) {
          ChildStatus st = stamp(s);
          stored.put(st.name(), st);
        } else {
          push(rr, s);
        }
      }
    }
    return new ChildRef(kind, name, "uid-" + name, adopted);
  }

  @Override
  public ChildObservation readChildStatus(ChildKey key) {
    apiAvailable("read " + key.name());
    reads.add(key);
    ChildStatus s = stored.get(key.name());
    if (s == null) {
      return createRequests.containsKey(key.name())
          ? ChildObservation.of(
              new ChildStatus(key.kind(), key.name(), "1", null, null, null, null, null, null))
          : ChildObservation.notFound();
    }
    return ChildObservation.of(s);
  }

  @Override
  public void recordApprovalDecision(ApprovalDecisionRecord decision) {
    ChildStatus raced = decidedAtExpiry.remove(decision.approvalRequestName());
    if (raced != null && "Expired".equals(decision.decision())) {
      ChildStatus s = stamp(raced);
      stored.put(s.name(), s);
      throw ApplicationFailure.newNonRetryableFailure(
          s.name() + " was already decided " + s.phase(), FailureTypes.APPROVAL_ALREADY_DECIDED);
    }
    decisions.add(decision);
  }

  @Override
  public int markChildrenTerminal(TerminateChildren request) {
    apiAvailable("mark children");
    terminations.add(request);
    timeline.add("terminated " + request.reason());
    return 1;
  }

  @Override
  public boolean extendChildDeadline(ExtendChildDeadline request) {
    extensions.add(request);
    return true;
  }

  @Override
  public NotificationRef createNotification(NotificationOrder order) {
    apiAvailable("create notification");
    notifications.add(order);
    String name =
        order.retryOf() != null
            ? order.retryOf() + "-retry-1"
            : (order.bulk() ? "nr-bulk-" : "nr-" + order.type().name().toLowerCase() + "-")
                + order.rr().name();
    if (notificationNames.add(name)) {
      // a fast notification controller: its statuses can arrive before this create's result
      List<ChildStatus> reports =
          scripts.getOrDefault(
              name,
              notificationsDelivered && !reportDuringWrite.containsKey(name)
                  ? List.of(
                      new ChildStatus(
                          ChildKind.NotificationRequest,
                          name,
                          null,
                          "Sent",
                          "delivered",
                          null,
                          null,
                          null,
                          null))
                  : List.of());
      for (ChildStatus s : reports) {
        push(order.rr(), s);
      }
    }
    return new NotificationRef(order.type(), name, "uid-" + name);
  }

  @Override
  public StatusWriteResult writeStatus(StatusWrite write) {
    apiAvailable("write status");
    if (statusGone) {
      return new StatusWriteResult(StatusWriteResult.Disposition.GONE, write.sequence());
    }
    statusWrites.add(write);
    for (NotificationRef listed : write.status().children().notifications()) {
      ChildStatus report = reportDuringWrite.remove(listed.name());
      if (report != null) {
        push(write.rr(), report);
      }
    }
    return new StatusWriteResult(StatusWriteResult.Disposition.APPLIED, write.sequence());
  }

  @Override
  public TerminationRate terminationRate(TerminationRateQuery query) {
    rateQueries.add(query);
    return rate;
  }

  // ---- routing: the real coordination workflows, reached like RoutingActivitiesImpl does

  @Override
  public RoutingVerdict registerRemediation(RoutingRequest request) {
    RoutingVerdict v = routing.register(request, taskQueue());
    verdicts.add(v);
    return v;
  }

  @Override
  public RoutingReleaseResult releaseRemediation(RoutingRelease release) {
    releases.add(release);
    return routing.release(release);
  }

  @Override
  public LockAnswer acquireExecutionLock(LockRequest request) {
    LockAnswer a = routing.acquire(request, taskQueue());
    lockAnswers.add(a);
    return a;
  }

  /**
   * Unlike the production implementation (a heartbeating long poll), one short look per attempt:
   * the time-skipping test server does not skip time while an activity runs, so a watch that stays
   * open would stop every timer in the test. "Still running" is a retryable failure; the watch's
   * retry backoff is then the (skippable) wait.
   */
  @Override
  public void awaitWorkflowClosed(WorkflowWatch watch) {
    if (!routing.awaitClosed(watch.workflowId(), Duration.ofMillis(50))) {
      Activity.getExecutionContext().heartbeat(null); // a cancel during the look ends it here
      throw ApplicationFailure.newFailure(watch.workflowId() + " still runs", "StillRunning");
    }
  }

  @Override
  public CancelRequestInfo describeCancelRequest(CancelRequestLookup lookup) {
    return routing.cancelRequest(lookup);
  }

  private static String taskQueue() {
    return Activity.getExecutionContext().getInfo().getActivityTaskQueue();
  }

  private ChildStatus stamp(ChildStatus s) {
    return s.resourceVersion() != null
        ? s
        : TestRemediations.withVersion(s, resourceVersion.incrementAndGet());
  }

  private static ChildStatus newer(ChildStatus a, ChildStatus b) {
    return b.isNotNewerThan(a) ? a : b;
  }

  Map<String, ChildStatus> stored() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(stored));
  }
}
