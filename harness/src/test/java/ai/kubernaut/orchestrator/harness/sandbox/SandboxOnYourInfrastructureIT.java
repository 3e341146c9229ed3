package ai.kubernaut.orchestrator.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.lifecycle.ProductionWiring;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sandbox --kubeconfig --namespace}: the built-in scenarios against a cluster the sandbox
 * did not start. Here the "cluster" is a second API stand-in without the Kubernaut CRDs: the
 * sandbox installs them. (The real tier, {@code SandboxOnRealStackRealIT}, proves the same against
 * a real kube-apiserver, with {@code --temporal-address} naming a real Temporal server on which the
 * orchestrator registers its search attributes; the Java test server cannot list them.)
 */
class SandboxOnYourInfrastructureIT {

  @Test
  void runsTheScenariosOnTheGivenCluster(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (KubernetesApiStandIn cluster =
        KubernetesApiStandIn.builder().kubernautCrds(false).start()) {
      cluster.createNamespace("team-a");
      Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
      SandboxCommand command = new SandboxCommand(c -> 0);
      new CommandLine(command)
          .parseArgs(
              "--kubeconfig=" + kubeconfig,
              "--namespace=team-a",
              "--http-port=0",
              "--step-delay=200ms",
              "--kubeconfig-out=" + dir.resolve("not-written"));
      SandboxRunner runner =
          new SandboxRunner(
              new ProductionWiring(),
              new PrintStream(console, true, StandardCharsets.UTF_8),
              Duration.ofMinutes(3),
              Clock.systemUTC());

      int code = runner.run(command.toConfig());

      String out = console.toString(StandardCharsets.UTF_8);
      assertThat(code).as(out).isEqualTo(ExitCodes.OK);
      assertThat(out)
          .contains("Kubernetes API " + cluster.url())
          .contains("created 9 scenario RemediationRequests in namespace team-a")
          .contains("all 9 scenarios ended as expected");
      assertThat(
              cluster.client().apiextensions().v1().customResourceDefinitions().list().getItems())
          .extracting(CustomResourceDefinition::getMetadata)
          .extracting(m -> m.getName())
          .contains("remediationrequests.kubernaut.ai", "workflowexecutions.kubernaut.ai");
      List<RemediationRequest> rrs =
          cluster
              .client()
              .resources(RemediationRequest.class)
              .inNamespace("team-a")
              .list()
              .getItems();
      assertThat(rrs).hasSize(9);
      assertThat(rrs).allMatch(rr -> rr.getStatus().getOverallPhase().isTerminal());
      assertThat(dir.resolve("not-written")).doesNotExist();
      assertThatThrownBy(() -> runner.run(command.toConfig()))
          .as("a second run on the same cluster")
          .hasMessageContaining("9 scenario RemediationRequests of an earlier run")
          .hasMessageContaining("kubectl delete rr -n team-a -l sandbox.kubernaut.ai/scenario-id");
    }
  }
}
