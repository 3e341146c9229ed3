package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.model.DuplicateNotice;
import ai.kubernaut.orchestrator.workflows.model.DuplicateResolution;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RoutingPolicy;
import ai.kubernaut.orchestrator.workflows.model.RoutingRelease;
import ai.kubernaut.orchestrator.workflows.model.RoutingReleaseResult;
import ai.kubernaut.orchestrator.workflows.model.RoutingRequest;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Why it cannot double-grant: every decision is taken by this one workflow (one ID per fingerprint
 * and target, update-with-start with USE_EXISTING), and the SDK runs its handlers on one thread,
 * interleaving only at blocking calls. The check "is there an owner?" and the write "this one is
 * the owner / a duplicate" happen without a blocking call in between, so two registrations can
 * never both see "no owner". The only blocking call on the path is the settle window, during which
 * every arriving registration joins the same round and the round is decided once.
 */
public class FingerprintCoordinatorWorkflowImpl implements FingerprintCoordinatorWorkflow {

  private static final Logger log = Workflow.getLogger(FingerprintCoordinatorWorkflowImpl.class);
  private static final int RELEASED_MAX = 50;

  /** {@code Workflow.getVersion} change ID: wait for resolved duplicates to release first. */
  static final String AWAIT_RELEASES_CHANGE = "coordinator-await-releases";

  /**
   * How long an idle coordinator waits for resolved duplicates to come back and release, and for
   * its stopped watches to confirm, before it closes anyway.
   */
  static final Duration CLOSE_GRACE = Duration.ofMinutes(1);

  private static final Comparator<Member> TIE_BREAK =
      Comparator.comparing(
              (Member m) -> m.creationTimestamp() == null ? Instant.MAX : m.creationTimestamp())
          .thenComparing(Member::rrName);

  private final Input input;
  private RoutingPolicy policy;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final List<Released> released = new ArrayList<>();
  private final Map<String, RoutingWatch.Handle> watches = new LinkedHashMap<>();
  private final List<RoutingWatch.Handle> stopping = new ArrayList<>();
  // signals sent to remediations and not yet confirmed by the server: closing or continuing as
  // new before they are would race their delivery (UnhandledCommand, or a dropped signal)
  private final List<Promise<Void>> outbox = new ArrayList<>();
  // duplicates that inherited an owner's outcome: each ends and releases here right after, so
  // closing before they did would make their release race the close
  private final Set<String> awaitingRelease = new LinkedHashSet<>();
  private int consecutiveFailures;
  private Instant lastFailure;
  private String lastFailedRemediation;
  private long decisions;

  // the open round: registrations that arrived while there was no owner
  private final List<Member> round = new ArrayList<>();
  private boolean roundOpen;

  @WorkflowInit
  public FingerprintCoordinatorWorkflowImpl(Input input) {
    this.input = input;
    this.policy = input.policy() == null ? RoutingPolicy.defaults() : input.policy();
    State c = input.carried();
    if (c != null) {
      c.members().forEach(m -> members.put(m.workflowId(), m));
      consecutiveFailures = c.consecutiveFailures();
      lastFailure = c.lastFailure();
      lastFailedRemediation = c.lastFailedRemediation();
      released.addAll(c.released());
      decisions = c.decisions();
      awaitingRelease.addAll(c.awaitingRelease());
    }
  }

  @Override
  public void run(Input ignored) {
    // owners with duplicates that were carried over are watched again
    members.values().stream()
        .filter(m -> m.duplicateOf() == null && hasDuplicates(m.workflowId()))
        .forEach(m -> watch(m.workflowId()));
    // started by update-with-start: never close before the registration that started us ran
    Workflow.await(Duration.ofMinutes(1), () -> decisions > 0 || !members.isEmpty());
    while (true) {
      Workflow.await(() -> idle() || Workflow.getInfo().isContinueAsNewSuggested());
      if (!idle()) {
        Workflow.await(this::drained);
        if (!idle()) {
          Workflow.continueAsNew(new Input(input.fingerprint(), input.target(), policy, state()));
          return;
        }
      }
      Duration memory = consecutiveFailures == 0 ? Duration.ZERO : policy.failureMemory();
      boolean woke = !memory.isZero() && Workflow.await(memory, () -> !idle());
      if (!woke
          && idle()
          && (!awaitingRelease.isEmpty() || !watchesStopped())
          && Workflow.getVersion(AWAIT_RELEASES_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
        // bounded: a duplicate that was terminated never releases, and a server that never
        // confirms a watch's cancel (the test server retries a cancelled attempt) must not
        // keep the coordinator open for ever
        boolean settled =
            Workflow.await(
                CLOSE_GRACE, () -> (awaitingRelease.isEmpty() && watchesStopped()) || !idle());
        if (!idle()) {
          continue;
        }
        if (!settled) {
          log.warn(
              "closing with {} unreleased duplicates and {} unconfirmed watch cancels",
              awaitingRelease.size(),
              stopping.size());
        }
        awaitingRelease.clear();
        stopping.clear();
      }
      if (!woke && idle()) {
        Workflow.await(() -> drained() && (closable() || !idle()));
        if (closable()) {
          log.info("coordinator idle: closing");
          return;
        }
      }
    }
  }

  /** Every handler finished and every signal this run sent confirmed: safe to close or CAN. */
  private boolean drained() {
    outbox.removeIf(Promise::isCompleted);
    return Workflow.isEveryHandlerFinished() && outbox.isEmpty();
  }

  private boolean idle() {
    return members.isEmpty() && !roundOpen;
  }

  @Override
  public void validateRegister(RoutingRequest request) {
    if (request == null || request.workflowId() == null || request.rr() == null) {
      throw new IllegalArgumentException("register needs the remediation's workflowId and rr");
    }
  }

  @Override
  public RoutingVerdict register(RoutingRequest request) {
    if (request.policy() != null) {
      policy = request.policy();
    }
    String id = request.workflowId();
    Member known = members.get(id);
    if (known != null) {
      if (known.verdict() == null) {
        Workflow.await(() -> members.get(id) == null || members.get(id).verdict() != null);
        known = members.get(id);
      }
      if (known != null) {
        return known.verdict(); // a retried registration gets the same answer
      }
    }
    Instant now = now();
    Member me = new Member(id, request.rr().name(), request.creationTimestamp(), now, null, null);
    Member owner = currentOwner();
    if (owner != null) {
      return addDuplicate(me, owner);
    }
    members.put(id, me);
    round.add(me);
    if (!roundOpen) {
      roundOpen = true;
      Duration wait = settleWait(request.creationTimestamp(), now);
      if (!wait.isZero()) {
        Workflow.sleep(wait);
      }
      decideRound();
    } else {
      Workflow.await(() -> members.get(id) == null || members.get(id).verdict() != null);
    }
    Member decided = members.get(id);
    return decided == null ? RoutingVerdict.proceed() : decided.verdict();
  }

  /** How long the round waits: until creationTimestamp + settle window, at most the window. */
  private Duration settleWait(Instant created, Instant now) {
    Duration settle = policy.duplicateSettleWindow();
    if (settle.isZero() || settle.isNegative() || created == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(now, created.plus(settle));
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(settle) > 0 ? settle : d;
  }

  /** The round closes: the oldest (then lowest name) owns the fingerprint, the rest duplicate. */
  private void decideRound() {
    List<Member> candidates = new ArrayList<>(round);
    round.clear();
    roundOpen = false;
    candidates.removeIf(m -> !members.containsKey(m.workflowId()));
    if (candidates.isEmpty()) {
      return;
    }
    candidates.sort(TIE_BREAK);
    Member winner = candidates.get(0);
    Instant now = now();
    RoutingVerdict verdict;
    if (consecutiveFailures >= policy.consecutiveFailureThreshold()) {
      Instant until = now.plus(policy.consecutiveFailureBlock());
      verdict =
          new RoutingVerdict(
              RoutingVerdict.BLOCKED,
              RoutingVerdict.CONSECUTIVE_FAILURES,
              null,
              null,
              until,
              consecutiveFailures
                  + " consecutive failed remediations for this signal and target (last: "
                  + lastFailedRemediation
                  + "); blocked until "
                  + until);
    } else {
      verdict = RoutingVerdict.proceed();
    }
    decisions++;
    members.put(winner.workflowId(), withVerdict(winner, null, verdict));
    for (Member m : candidates.subList(1, candidates.size())) {
      addDuplicate(m, members.get(winner.workflowId()));
    }
  }

  private RoutingVerdict addDuplicate(Member me, Member owner) {
    RoutingVerdict verdict =
        new RoutingVerdict(
            RoutingVerdict.BLOCKED,
            RoutingVerdict.DUPLICATE_IN_PROGRESS,
            owner.rrName(),
            owner.workflowId(),
            null,
            "duplicate of " + owner.rrName() + ", which is still in progress");
    decisions++;
    members.put(me.workflowId(), withVerdict(me, owner.workflowId(), verdict));
    signal(
        owner.workflowId(),
        RemediationWorkflow.DUPLICATE_REGISTERED,
        new DuplicateNotice(me.rrName(), me.workflowId(), now()));
    watch(owner.workflowId());
    return verdict;
  }

  /** The oldest active remediation that is not itself a duplicate (and was decided). */
  private Member currentOwner() {
    return members.values().stream()
        .filter(m -> m.duplicateOf() == null && m.verdict() != null)
        .min(TIE_BREAK)
        .orElse(null);
  }

  @Override
  public RoutingReleaseResult release(RoutingRelease release) {
    String id = release.remediation().workflowId();
    awaitingRelease.remove(id);
    for (Released r : released) {
      if (r.workflowId().equals(id)) {
        return new RoutingReleaseResult(r.duplicates()); // a retried release
      }
    }
    Member m = members.remove(id);
    if (m == null) {
      return new RoutingReleaseResult(List.of());
    }
    List<String> dups = List.of();
    if (m.duplicateOf() == null) {
      countOutcome(m, release);
      dups = resolveDuplicates(m, release.phase(), release.outcome(), release.message());
    }
    remember(new Released(id, dups));
    return new RoutingReleaseResult(dups);
  }

  /** A success resets the streak; a real failure extends it; a served block starts afresh. */
  private void countOutcome(Member m, RoutingRelease r) {
    Phase p = r.phase();
    if (p == Phase.Completed) {
      consecutiveFailures = 0;
    } else if (p == Phase.Failed || p == Phase.TimedOut) {
      if (RoutingVerdict.CONSECUTIVE_FAILURES.equals(r.reason())) {
        consecutiveFailures = 0; // the block was served and escalated: the next one tries again
      } else {
        consecutiveFailures++;
        lastFailure = now();
        lastFailedRemediation = m.rrName();
      }
    }
  }

  /** Hands the owner's end to its duplicates; returns their names. */
  private List<String> resolveDuplicates(Member owner, Phase phase, Outcome outcome, String msg) {
    stopWatch(owner.workflowId());
    boolean releasedOnOwn = phase == Phase.Cancelled || phase == null;
    List<String> names = new ArrayList<>();
    for (Member d : new ArrayList<>(members.values())) {
      if (!owner.workflowId().equals(d.duplicateOf())) {
        continue;
      }
      names.add(d.rrName());
      if (releasedOnOwn) {
        members.put(
            d.workflowId(), withVerdict(d, null, RoutingVerdict.proceed())); // now independent
      } else {
        members.remove(d.workflowId());
        awaitingRelease.add(d.workflowId());
      }
      signal(
          d.workflowId(),
          RemediationWorkflow.DUPLICATE_RESOLVED,
          new DuplicateResolution(owner.rrName(), phase, outcome, releasedOnOwn, msg));
    }
    return names;
  }

  private boolean hasDuplicates(String ownerId) {
    return members.values().stream().anyMatch(m -> ownerId.equals(m.duplicateOf()));
  }

  /** Notices an owner whose workflow closed without a release (terminated, reset, failed). */
  private void watch(String ownerId) {
    if (watches.containsKey(ownerId)) {
      return;
    }
    watches.put(
        ownerId,
        RoutingWatch.start(
            ownerId,
            closed -> {
              watches.remove(closed);
              Member owner = members.get(closed);
              if (owner != null) {
                log.warn("owner {} closed without releasing: its duplicates proceed", closed);
                members.remove(closed);
                resolveDuplicates(
                    owner,
                    Phase.Cancelled,
                    null,
                    "the remediation " + owner.rrName() + " ended without a result");
              }
            }));
  }

  private void stopWatch(String ownerId) {
    RoutingWatch.Handle h = watches.remove(ownerId);
    if (h != null) {
      h.cancel();
      stopping.add(h);
    }
  }

  private boolean watchesStopped() {
    stopping.removeIf(RoutingWatch.Handle::done);
    return stopping.isEmpty();
  }

  /** Idle, and no watch activity still pending (closing with one would orphan its task). */
  private boolean closable() {
    stopping.removeIf(RoutingWatch.Handle::done);
    watches.values().removeIf(RoutingWatch.Handle::done);
    return idle() && stopping.isEmpty() && watches.isEmpty();
  }

  private void remember(Released r) {
    released.add(r);
    while (released.size() > RELEASED_MAX) {
      released.remove(0);
    }
  }

  @Override
  public State state() {
    return new State(
        List.copyOf(members.values()),
        consecutiveFailures,
        lastFailure,
        lastFailedRemediation,
        released,
        decisions,
        List.copyOf(awaitingRelease));
  }

  private static Member withVerdict(Member m, String duplicateOf, RoutingVerdict v) {
    return new Member(
        m.workflowId(), m.rrName(), m.creationTimestamp(), m.registeredAt(), duplicateOf, v);
  }

  /**
   * Best effort and without blocking the handler: a closed remediation cannot be signalled, and
   * needs nothing more (an owner's duplicates are then released by the watch). The run does not
   * close or continue as new before the signal is confirmed (see {@link #drained}).
   */
  private void signal(String workflowId, String name, Object arg) {
    outbox.add(signalAsync(workflowId, name, arg));
  }

  private static Promise<Void> signalAsync(String workflowId, String name, Object arg) {
    return Async.procedure(
        () -> {
          try {
            Workflow.newUntypedExternalWorkflowStub(workflowId).signal(name, arg);
          } catch (RuntimeException e) {
            log.warn("could not signal {} to {}: {}", name, workflowId, e.getMessage());
          }
        });
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
