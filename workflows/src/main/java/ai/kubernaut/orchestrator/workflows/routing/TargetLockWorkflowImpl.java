package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.model.LockAnswer;
import ai.kubernaut.orchestrator.workflows.model.LockRelease;
import ai.kubernaut.orchestrator.workflows.model.LockRequest;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Why it cannot double-grant: the holder is one field of this one workflow ({@code lock/<target>},
 * reached with update-with-start), changed only by handlers and the main loop on the workflow's
 * single thread; {@code acquire} reads and sets it without a blocking call in between. A waiter is
 * granted by the main loop only when the holder is empty, FIFO. A holder that closes without a
 * release (terminate, reset) is noticed by the watch activity and the lock passes on.
 */
public class TargetLockWorkflowImpl implements TargetLockWorkflow {

  private static final Logger log = Workflow.getLogger(TargetLockWorkflowImpl.class);

  private final Input input;
  private Entry holder;
  private final List<Entry> queue = new ArrayList<>();
  private final List<Completion> recent = new ArrayList<>();
  private long grants;
  private boolean touched;
  private RoutingWatch.Handle watch;
  private final List<RoutingWatch.Handle> stopping = new ArrayList<>();

  @WorkflowInit
  public TargetLockWorkflowImpl(Input input) {
    this.input = input;
    State c = input.carried();
    if (c != null) {
      holder = c.holder();
      queue.addAll(c.queue());
      recent.addAll(c.recent());
      grants = c.grants();
      touched = true;
    }
  }

  @Override
  public void run(Input ignored) {
    if (holder != null) {
      watchHolder();
    }
    // started by update-with-start: never close before the acquire that started us ran
    Workflow.await(Duration.ofMinutes(1), () -> touched);
    while (true) {
      Workflow.await(
          () ->
              (holder == null && !queue.isEmpty())
                  || idle()
                  || Workflow.getInfo().isContinueAsNewSuggested());
      if (holder == null && !queue.isEmpty()) {
        grantNext();
        continue;
      }
      if (!idle()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (holder != null || !queue.isEmpty()) {
          Workflow.continueAsNew(new Input(input.target(), state()));
          return;
        }
        continue;
      }
      // idle: stay until the last cooldown ends (an acquire wakes us), then close
      pruneRecent();
      Instant until = recent.stream().map(Completion::until).max(Instant::compareTo).orElse(null);
      if (until != null) {
        Duration d = Duration.between(now(), until);
        if (!d.isNegative() && !d.isZero() && Workflow.await(d, () -> !idle())) {
          continue;
        }
        pruneRecent();
        continue;
      }
      Workflow.await(() -> Workflow.isEveryHandlerFinished() && (closable() || !idle()));
      if (closable() && recent.isEmpty()) {
        log.info("lock idle: closing");
        return;
      }
    }
  }

  private boolean idle() {
    return holder == null && queue.isEmpty();
  }

  /** Idle, and no watch activity still pending (closing with one would orphan its task). */
  private boolean closable() {
    stopping.removeIf(RoutingWatch.Handle::done);
    return idle() && stopping.isEmpty() && (watch == null || watch.done());
  }

  @Override
  public void validateAcquire(LockRequest request) {
    if (request == null || request.holderWorkflowId() == null) {
      throw new IllegalArgumentException("acquire needs the remediation's workflow ID");
    }
  }

  @Override
  public LockAnswer acquire(LockRequest request) {
    touched = true;
    String id = request.holderWorkflowId();
    if (holder != null && holder.request().holderWorkflowId().equals(id)) {
      holder = new Entry(request, holder.since());
      return answer(LockAnswer.GRANTED, request, 0);
    }
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).request().holderWorkflowId().equals(id)) {
        queue.set(i, new Entry(request, queue.get(i).since()));
        return answer(LockAnswer.QUEUED, request, i + 1);
      }
    }
    Completion c = cooldownHit(request);
    if (c != null) {
      return recentlyRemediated(request, c);
    }
    if (holder == null && queue.isEmpty()) {
      holder = new Entry(request, now());
      grants++;
      watchHolder();
      return answer(LockAnswer.GRANTED, request, 0);
    }
    queue.add(new Entry(request, now()));
    return answer(LockAnswer.QUEUED, request, queue.size());
  }

  @Override
  public void release(LockRelease release) {
    touched = true;
    String id = release.holderWorkflowId();
    if (holder != null && holder.request().holderWorkflowId().equals(id)) {
      if (release.completedWorkflowId() != null) {
        Instant now = now();
        Duration cooldown = holder.request().cooldown();
        recent.removeIf(c -> c.selectedWorkflowId().equals(release.completedWorkflowId()));
        recent.add(
            new Completion(
                release.completedWorkflowId(),
                holder.request().rrName(),
                now,
                now.plus(cooldown == null ? Duration.ofMinutes(5) : cooldown)));
      }
      clearHolder();
      return;
    }
    queue.removeIf(e -> e.request().holderWorkflowId().equals(id));
  }

  /** Grants the head of the queue (FIFO); a waiter that cannot be signalled is skipped. */
  private void grantNext() {
    while (holder == null && !queue.isEmpty()) {
      Entry next = queue.remove(0);
      LockRequest r = next.request();
      Completion c = cooldownHit(r);
      LockAnswer a = c != null ? recentlyRemediated(r, c) : answer(LockAnswer.GRANTED, r, 0);
      if (c == null) {
        holder = new Entry(r, next.since());
        grants++;
      }
      try {
        Workflow.newUntypedExternalWorkflowStub(r.holderWorkflowId())
            .signal(RemediationWorkflow.LOCK_GRANTED, a);
      } catch (RuntimeException e) {
        log.warn("waiter {} is gone ({}): next", r.holderWorkflowId(), e.getMessage());
        if (holder != null && holder.request().holderWorkflowId().equals(r.holderWorkflowId())) {
          holder = null;
        }
        continue;
      }
      if (holder != null) {
        watchHolder();
      }
    }
  }

  private void watchHolder() {
    stopWatch();
    String id = holder.request().holderWorkflowId();
    watch =
        RoutingWatch.start(
            id,
            closed -> {
              if (holder != null && holder.request().holderWorkflowId().equals(closed)) {
                log.warn("holder {} closed without releasing the lock: released", closed);
                holder = null;
                watch = null;
              }
            });
  }

  private void clearHolder() {
    holder = null;
    stopWatch();
  }

  private void stopWatch() {
    if (watch != null) {
      watch.cancel();
      stopping.add(watch);
      watch = null;
    }
  }

  private Completion cooldownHit(LockRequest r) {
    if (r.selectedWorkflowId() == null) {
      return null;
    }
    Instant now = now();
    Duration cooldown = r.cooldown() == null ? Duration.ofMinutes(5) : r.cooldown();
    return recent.stream()
        .filter(c -> c.selectedWorkflowId().equals(r.selectedWorkflowId()))
        .filter(c -> now.isBefore(c.at().plus(cooldown)))
        .findFirst()
        .orElse(null);
  }

  private void pruneRecent() {
    Instant now = now();
    recent.removeIf(c -> !now.isBefore(c.until()));
  }

  private LockAnswer answer(String decision, LockRequest r, int position) {
    String h = holder == null ? null : holder.request().rrName();
    return new LockAnswer(decision, r.attempt(), h, position, null, null);
  }

  private static LockAnswer recentlyRemediated(LockRequest r, Completion c) {
    return new LockAnswer(LockAnswer.RECENTLY_REMEDIATED, r.attempt(), null, 0, c.rrName(), c.at());
  }

  @Override
  public State state() {
    return new State(holder, queue, recent, grants);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
