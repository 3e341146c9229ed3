package ai.kubernaut.orchestrator.sandbox.controllers;

import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.CONFIG;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write loop every simulated controller shares, against an in-memory store. */
class ScriptedControllerTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final FakeStore store = new FakeStore();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private SignalProcessingController controller(ControllerConfig config) {
    // no client: the test children carry no owner, so no RR is looked up
    return new SignalProcessingController(
        null, config, new RemediationRequests(null, config), executor, store);
  }

  private SignalProcessingController controller() {
    return controller(CONFIG.withStepDelay(Duration.ZERO));
  }

  /** An SP without owner, RR reference or label. */
  private static SignalProcessing orphanSp(String name) {
    SignalProcessing sp = TestChildren.sp("ns", name);
    sp.getMetadata().setOwnerReferences(List.of());
    sp.getMetadata().setLabels(null);
    sp.getSpec().setRemediationRequestRef(null);
    sp.getMetadata().setUid("uid-" + name);
    sp.getMetadata().setResourceVersion("1");
    return sp;
  }

  private static SignalProcessing withPhase(SignalProcessing sp, SignalProcessingPhase phase) {
    sp.setStatus(new SignalProcessingStatus());
    sp.getStatus().setPhase(phase);
    return sp;
  }

  @Test
  void writesTheNextStatusFromAFreshRead() {
    SignalProcessingController controller = controller();
    SignalProcessing sp = store.put(orphanSp("a"));

    controller.observe(sp, "add");

    await().until(() -> controller.plannedCount() == 0 && store.updates.get() == 1);
    assertThat(store.phaseOf("sp-a")).isEqualTo(SignalProcessingPhase.ENRICHING);
  }

  @Test
  void rereadsAndRetriesAfterAConflict() {
    SignalProcessingController controller = controller();
    SignalProcessing sp = store.put(orphanSp("a"));
    store.failNextUpdate(409);

    controller.observe(sp, "add");

    await().until(() -> controller.plannedCount() == 0 && store.updates.get() == 1);
    assertThat(store.gets.get()).isEqualTo(2);
    assertThat(store.phaseOf("sp-a")).isEqualTo(SignalProcessingPhase.ENRICHING);
  }

  @Test
  void dropsTheStepWhenTheChildIsGone() {
    SignalProcessingController controller = controller();

    controller.observe(orphanSp("gone"), "add");

    await().until(() -> controller.plannedCount() == 0 && store.gets.get() == 1);
    assertThat(store.updates.get()).isZero();
  }

  @Test
  void dropsTheStepWhenTheChildIsDeletedDuringTheWrite() {
    SignalProcessingController controller = controller();
    SignalProcessing sp = store.put(orphanSp("a"));
    store.failNextUpdate(404);

    controller.observe(sp, "add");

    await().until(() -> controller.plannedCount() == 0 && store.failedUpdates.get() == 1);
    assertThat(store.gets.get()).isEqualTo(1);
    assertThat(store.updates.get()).isZero();
  }

  @Test
  void retriesATransientErrorWithBackoff() {
    SignalProcessingController controller = controller();
    SignalProcessing sp = store.put(orphanSp("a"));
    store.failNextUpdate(500);
    store.failNextUpdate(503);

    controller.observe(sp, "add");

    await().until(() -> controller.plannedCount() == 0 && store.updates.get() == 1);
    assertThat(store.failedUpdates.get()).isEqualTo(2);
    assertThat(store.phaseOf("sp-a")).isEqualTo(SignalProcessingPhase.ENRICHING);
  }

  @Test
  void doesNotWriteWhenTheChildMovedOnMeanwhile() {
    SignalProcessingController controller = controller();
    SignalProcessing observed = orphanSp("a");
    store.put(withPhase(orphanSp("a"), SignalProcessingPhase.CLASSIFYING));

    controller.observe(observed, "add");

    await().until(() -> controller.plannedCount() == 0 && store.gets.get() == 1);
    assertThat(store.updates.get()).isZero();
    assertThat(store.phaseOf("sp-a")).isEqualTo(SignalProcessingPhase.CLASSIFYING);
  }

  @Test
  void doesNotWriteWhenTheOrchestratorFailedTheChildMeanwhile() {
    SignalProcessingController controller = controller();
    SignalProcessing observed = orphanSp("a");
    store.put(withPhase(orphanSp("a"), SignalProcessingPhase.FAILED));

    controller.observe(observed, "add");

    await().until(() -> controller.plannedCount() == 0 && store.gets.get() == 1);
    assertThat(store.updates.get()).isZero();
  }

  @Test
  void neverPlansForAFinishedChild() {
    SignalProcessingController controller = controller();
    SignalProcessing failed = store.put(withPhase(orphanSp("a"), SignalProcessingPhase.FAILED));

    controller.observe(failed, "update");

    assertThat(controller.plannedCount()).isZero();
    assertThat(store.gets.get()).isZero();
  }

  @Test
  void leavesAChildPastItsDeadlineAlone() {
    SignalProcessingController controller = controller();
    SignalProcessing late = orphanSp("a");
    late.getSpec().setTimesOutAt(NOW.minusSeconds(1).toString());
    store.put(late);

    controller.observe(late, "add");

    assertThat(controller.plannedCount()).isZero();
    assertThat(store.gets.get()).isZero();
  }

  @Test
  void plansEachStateOnceDespiteRepeatedEvents() {
    SignalProcessingController controller =
        controller(CONFIG.withStepDelay(Duration.ofMillis(200)));
    SignalProcessing sp = store.put(orphanSp("a"));

    controller.observe(sp, "add");
    controller.observe(sp, "update");
    controller.observe(sp, "resync");

    assertThat(controller.plannedCount()).isEqualTo(1);
    await().until(() -> controller.plannedCount() == 0 && store.updates.get() == 1);
    assertThat(store.gets.get()).isEqualTo(1);
  }

  /** In-memory objects with resource versions and scripted update failures. */
  static final class FakeStore implements ChildStore<SignalProcessing> {
    final ConcurrentHashMap<String, String> objects = new ConcurrentHashMap<>();
    final Deque<Integer> failures = new ArrayDeque<>();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger updates = new AtomicInteger();
    final AtomicInteger failedUpdates = new AtomicInteger();

    SignalProcessing put(SignalProcessing sp) {
      objects.put(sp.getMetadata().getName(), Serialization.asJson(sp));
      return sp;
    }

    synchronized void failNextUpdate(int code) {
      failures.add(code);
    }

    SignalProcessingPhase phaseOf(String name) {
      SignalProcessing sp = Serialization.unmarshal(objects.get(name), SignalProcessing.class);
      return SignalProcessingController.phase(sp);
    }

    @Override
    public Optional<SignalProcessing> get(String namespace, String name) {
      gets.incrementAndGet();
      String json = objects.get(name);
      return Optional.ofNullable(json)
          .map(value -> Serialization.unmarshal(value, SignalProcessing.class));
    }

    @Override
    public void updateStatus(SignalProcessing sp) {
      Integer failure;
      synchronized (this) {
        failure = failures.poll();
      }
      if (failure != null) {
        failedUpdates.incrementAndGet();
        throw new KubernetesClientException("scripted failure", failure, null);
      }
      long version = Long.parseLong(sp.getMetadata().getResourceVersion()) + 1;
      sp.getMetadata().setResourceVersion(Long.toString(version));
      objects.put(sp.getMetadata().getName(), Serialization.asJson(sp));
      updates.incrementAndGet();
    }
  }
}
