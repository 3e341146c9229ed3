package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
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
 * one started, and the Temporal server stopped and restarted on its SQLite file. Each time every
 * remediation ends Completed, with one child per name, one notification per (type, RR), and an RR
 * status that never goes backwards (watched throughout).
 */
@ExtendWith(RealKubernetesExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsRealIT {

  private static final String NS = "faults";

  @Test
  @Order(1)
  void aKilledOrchestratorIsReplacedAndEveryRemediationCompletes(RealOrchestratorStack stack)
      throws Exception {
    List<String> names = createRemediations(stack, "kill", 60);
    try (StatusWatch watch = StatusWatch.start(stack.admin())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(stack, names) >= 10);

      stack.killOrchestrator();
      stack.startOrchestrator();

      assertAllCompletedOnce(stack, names, Duration.ofMinutes(4));
      assertThat(watch.regressions).as("status went backwards").isEmpty();
    }
  }

  @Test
  @Order(2)
  void theTemporalServerRestartsOnItsDatabaseAndEveryRemediationCompletes(
      RealOrchestratorStack stack) throws Exception {
    List<String> names = createRemediations(stack, "temporal", 20);
    try (StatusWatch watch = StatusWatch.start(stack.admin())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(stack, names) >= 5);

      stack.temporal().stop();
      Thread.sleep(5_000);
      stack.temporal().restart();

      assertAllCompletedOnce(stack, names, Duration.ofMinutes(4));
      assertThat(watch.regressions).as("status went backwards").isEmpty();
    }
  }

  private static List<String> createRemediations(
      RealOrchestratorStack stack, String prefix, int n) {
    stack.newNamespace(NS);
    List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> prefix + "-" + i).toList();
    names.forEach(
        name ->
            stack.admin().resource(TestSupport.scriptedRemediation(NS, name, Map.of())).create());
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
