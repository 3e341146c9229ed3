package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults on real parts with remediations in flight: the orchestrator killed with SIGKILL and a new
 * one started, the leader of two replicas killed, the Temporal server stopped and restarted on its
 * SQLite file, and the kube-apiserver restarted. Each time every remediation ends Completed, with
 * one child per name, one notification per (type, RR), and an RR status that never goes backwards
 * (watched throughout).
 */
@ExtendWith(RealKubernetesExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsRealIT {

  private static final String NS = "faults";
  private static final String GLOBAL_TIMEOUT = "20m";
  private static final Duration ALL_END_WITHIN = Duration.ofMinutes(15);

  @Test
  @Order(1)
  void aKilledOrchestratorIsReplacedAndEveryRemediationCompletes(RealOrchestratorStack stack)
      throws Exception {
    // slow children (1 s before each status write) keep all 100 in flight when the kill comes
    List<String> names = createRemediations(stack, "kill", 100, Map.of(Script.DELAY, "1s"));
    try (StatusWatch watch = StatusWatch.start(stack.admin())) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> inFlight(stack, names) == names.size());

      stack.killOrchestrator();
      stack.startOrchestrator();

      assertAllCompletedOnce(stack, names, ALL_END_WITHIN);
      assertThat(watch.regressions).as("status went backwards").isEmpty();
    }
  }

  @Test
  @Order(2)
  void whenTheLeaderOfTwoReplicasIsKilledTheOtherTakesOverAndEveryRemediationCompletes(
      RealOrchestratorStack stack) throws Exception {
    OrchestratorProcess first = stack.orchestrator();
    OrchestratorProcess second = stack.startOrchestrator();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.leader().filter(l -> l == first || l == second).isPresent());
    OrchestratorProcess leader = stack.leader().orElseThrow();
    OrchestratorProcess survivor = leader == first ? second : first;
    String leaderIdentity = stack.leaseHolder().orElseThrow();

    List<String> names = createRemediations(stack, "leader", 40, Map.of(Script.DELAY, "1s"));
    try (StatusWatch watch = StatusWatch.start(stack.admin())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> inFlight(stack, names) >= 20);

      stack.kill(leader);

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(stack.leader())
                      .as("Lease after killing " + leaderIdentity)
                      .containsSame(survivor));
      assertAllCompletedOnce(stack, names, ALL_END_WITHIN);
      assertThat(watch.regressions).as("status went backwards").isEmpty();
    }
  }

  @Test
  @Order(3)
  void theTemporalServerRestartsOnItsDatabaseAndEveryRemediationCompletes(
      RealOrchestratorStack stack) throws Exception {
    List<String> names = createRemediations(stack, "temporal", 20, Map.of());
    try (StatusWatch watch = StatusWatch.start(stack.admin())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(stack, names) >= 5);

      stack.temporal().stop();
      Thread.sleep(5_000);
      stack.temporal().restart();

      assertAllCompletedOnce(stack, names, ALL_END_WITHIN);
      assertThat(watch.regressions).as("status went backwards").isEmpty();
    }
  }

  @Test
  @Order(4)
  void theKubernetesApiServerRestartsAndEveryRemediationCompletes(RealOrchestratorStack stack)
      throws Exception {
    List<String> names = createRemediations(stack, "apiserver", 20, Map.of(Script.DELAY, "1s"));
    try (StatusWatch watch = StatusWatch.start(stack.admin())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> inFlight(stack, names) >= 10);

      // the API server answers 403 for a few seconds after it starts, until its RBAC cache is
      // loaded: writes retry a 403 for 2 min (docs/realstack.md), so nothing ends Failed here
      stack.kubernetes().restart("kube-apiserver", Duration.ofSeconds(5));

      assertAllCompletedOnce(stack, names, ALL_END_WITHIN);
      assertThat(watch.regressions).as("status went backwards").isEmpty();
    }
  }

  private static List<String> createRemediations(
      RealOrchestratorStack stack, String prefix, int n, Map<String, String> script) {
    stack.newNamespace(NS);
    List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> prefix + "-" + i).toList();
    for (String name : names) {
      RemediationRequest rr = TestSupport.scriptedRemediation(NS, name, script);
      // the sandbox's 2 m safety budget is for one scenario at a time; a fault with 100 in flight
      // on a shared 2-core machine may take longer, and a timeout is not what is tested here
      TimeoutConfig timeouts = new TimeoutConfig();
      timeouts.setGlobal(GLOBAL_TIMEOUT);
      rr.getSpec().setTimeoutConfig(timeouts);
      stack.admin().resource(rr).create();
    }
    return names;
  }

  private static long inFlight(RealOrchestratorStack stack, List<String> names) {
    return names.stream()
        .map(name -> rr(stack.admin(), name))
        .filter(
            rr ->
                rr != null
                    && rr.getStatus() != null
                    && rr.getStatus().getOverallPhase() != null
                    && !rr.getStatus().getOverallPhase().isTerminal())
        .count();
  }

  private static void assertAllCompletedOnce(
      RealOrchestratorStack stack, List<String> names, Duration within) {
    KubernetesClient kube = stack.admin();
    await()
        .atMost(within)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(names)
                    .allSatisfy(
                        name ->
                            assertThat(phase(kube, name))
                                .as(name)
                                .isEqualTo(RemediationPhase.COMPLETED)));
    for (String name : names) {
      for (Class<? extends HasMetadata> kind :
          List.of(SignalProcessing.class, AIAnalysis.class, WorkflowExecution.class)) {
        assertThat(children(kube, kind, name)).as(kind.getSimpleName() + " of " + name).hasSize(1);
      }
      assertThat(children(kube, NotificationRequest.class, name))
          .as("notifications of " + name)
          .extracting(nr -> nr.getMetadata().getName())
          .containsExactly("nr-completion-" + name);
    }
  }

  private static List<? extends HasMetadata> children(
      KubernetesClient kube, Class<? extends HasMetadata> kind, String rr) {
    return kube.resources(kind)
        .inNamespace(NS)
        .withLabel("kubernaut.ai/remediation-request", rr)
        .list()
        .getItems();
  }

  private static RemediationPhase phase(KubernetesClient kube, String name) {
    RemediationRequest rr = rr(kube, name);
    return rr == null || rr.getStatus() == null ? null : rr.getStatus().getOverallPhase();
  }

  private static RemediationRequest rr(KubernetesClient kube, String name) {
    return kube.resources(RemediationRequest.class).inNamespace(NS).withName(name).get();
  }

  /** Watches every RR of the namespace and records a status sequence that went down. */
  private static final class StatusWatch implements AutoCloseable {
    final Map<String, Long> last = new ConcurrentHashMap<>();
    final List<String> regressions = new CopyOnWriteArrayList<>();
    private Watch watch;

    static StatusWatch start(KubernetesClient kube) {
      StatusWatch w = new StatusWatch();
      w.watch =
          kube.resources(RemediationRequest.class)
              .inNamespace(NS)
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, RemediationRequest rr) {
                      if (rr.getStatus() == null || rr.getStatus().getStatusSequence() == null) {
                        return;
                      }
                      String key =
                          rr.getMetadata().getName() + "/" + rr.getStatus().getStatusRunId();
                      long seq = rr.getStatus().getStatusSequence();
                      Long before = w.last.put(key, seq);
                      if (before != null && seq < before) {
                        w.regressions.add(key + ": " + before + " -> " + seq);
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                  });
      return w;
    }

    @Override
    public void close() {
      watch.close();
    }
  }
}
