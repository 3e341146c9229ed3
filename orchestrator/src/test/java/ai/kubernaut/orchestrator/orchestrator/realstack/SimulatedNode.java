package ai.kubernaut.orchestrator.orchestrator.realstack;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real tier has no kubelet and no scheduler. This stands in for one node in {@code namespace}:
 * every pod the API server admitted there (Pod Security, ServiceAccount admission and the
 * controllers ran for real) is bound to the node and reported Running and Ready, so Deployments
 * roll out and {@code kubectl rollout status} answers. Nothing is executed; the orchestrator the
 * tests use runs outside the cluster as its own process.
 */
final class SimulatedNode implements AutoCloseable {

  static final String NODE = "realstack-node";

  private final KubernetesClient client;
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final Watch watch;

  private SimulatedNode(KubernetesClient client, String namespace) {
    this.client = client;
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(NODE)
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("SimulatedNode")
                .endCondition()
                .endStatus()
                .build())
        .serverSideApply();
    this.watch =
        client
            .pods()
            .inNamespace(namespace)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    if (action == Action.ADDED || action == Action.MODIFIED) {
                      worker.execute(() -> run(pod));
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  static SimulatedNode start(KubernetesClient client, String namespace) {
    return new SimulatedNode(client, namespace);
  }

  private void run(Pod pod) {
    try {
      String ns = pod.getMetadata().getNamespace();
      String name = pod.getMetadata().getName();
      if (pod.getSpec().getNodeName() == null) {
        client
            .bindings()
            .inNamespace(ns)
            .resource(
                new BindingBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withNewTarget()
                    .withKind("Node")
                    .withName(NODE)
                    .endTarget()
                    .build())
            .create();
        return; // the binding's MODIFIED event brings the pod back with its node
      }
      if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
        return;
      }
      String now = Instant.now().toString();
      PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
      status.setPhase("Running");
      status.setStartTime(now);
      status.setConditions(
          List.of(
              new PodConditionBuilder().withType("Ready").withStatus("True").build(),
              new PodConditionBuilder().withType("ContainersReady").withStatus("True").build(),
              new PodConditionBuilder().withType("PodScheduled").withStatus("True").build()));
      status.setContainerStatuses(
          pod.getSpec().getContainers().stream()
              .map(
                  c ->
                      new ContainerStatusBuilder()
                          .withName(c.getName())
                          .withImage(c.getImage())
                          .withImageID("")
                          .withReady(true)
                          .withStarted(true)
                          .withRestartCount(0)
                          .withNewState()
                          .withNewRunning()
                          .withStartedAt(now)
                          .endRunning()
                          .endState()
                          .build())
              .toList());
      pod.setStatus(status);
      client.pods().inNamespace(ns).resource(pod).updateStatus();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 409) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    watch.close();
    worker.shutdownNow();
  }
}
