package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.gateway.Gateway;
import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.gateway.GatewayHttpServer;
import ai.kubernaut.orchestrator.orchestrator.kube.KubernetesClients;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Gateway's RBAC by its calls: every request the Gateway made through the API stand-in while it
 * created, counted, suppressed and recorded a resolve is granted by deploy/base's
 * gateway-clusterrole.yaml, and nothing more is granted; the binding is namespaced.
 */
class GatewayRbacIT {

  static final String NS = "kubernaut-system";
  static final Path BASE = DeployManifests.deploy().resolve("base");

  @Test
  void grantsExactlyTheCallsTheGatewayMakes() throws Exception {
    try (KubernetesApiStandIn api = KubernetesApiStandIn.start();
        KubernetesClient gatewayClient =
            api.newClient(b -> b.withUserAgent(KubernetesClients.GATEWAY_USER_AGENT));
        Gateway gateway =
            Gateway.start(
                GatewayConfig.defaults(0, NS).withRateLimit(0, 1),
                gatewayClient,
                new SimpleMeterRegistry(),
                null,
                Clock.systemUTC(),
                Duration.ofSeconds(30))) {
      api.createNamespace(NS);
      String firing = payload("firing");

      assertThat(post(gateway, firing)).contains("\"outcome\":\"created\"");
      assertThat(post(gateway, firing)).contains("\"outcome\":\"deduplicated\"");
      complete(api.client());
      assertThat(post(gateway, firing)).contains("\"outcome\":\"suppressed\"");
      assertThat(post(gateway, payload("resolved"))).contains("\"outcome\":\"resolved\"");

      Set<ApiCall> calls =
          api.requestLog().callsFrom(KubernetesClients.GATEWAY_USER_AGENT).keySet();
      RbacCoverage.Report report =
          RbacCoverage.check(
              calls,
              RbacCoverage.grantsOf(DeployManifests.load(BASE.resolve("gateway-clusterrole.yaml"))),
              List.of());
      assertThat(calls).isNotEmpty();
      assertThat(report.isClean()).as(report.describe()).isTrue();
    }
  }

  @Test
  void isBoundOnlyInTheGatewayNamespaceToItsOwnServiceAccount() {
    List<HasMetadata> binding = DeployManifests.load(BASE.resolve("gateway-rolebinding.yaml"));
    RoleBinding rb = DeployManifests.only(binding, RoleBinding.class, "kubernaut-gateway");

    assertThat(rb.getMetadata().getNamespace()).isEqualTo(NS);
    assertThat(rb.getRoleRef().getName()).isEqualTo("kubernaut-gateway");
    assertThat(rb.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getName()).isEqualTo("kubernaut-gateway");
              assertThat(s.getNamespace()).isEqualTo(NS);
            });
    for (Path file : DeployManifests.manifestFiles()) {
      for (HasMetadata o : DeployManifests.load(file)) {
        if (o instanceof ClusterRoleBinding crb) {
          assertThat(crb.getRoleRef().getName())
              .as(file.toString())
              .isNotEqualTo("kubernaut-gateway");
        }
      }
    }
  }

  private static String payload(String status) {
    return """
        {"version":"4","status":"%1$s","receiver":"kubernaut","alerts":[{"status":"%1$s",
         "labels":{"alertname":"RbacProbe","namespace":"shop","deployment":"web"},
         "startsAt":"2026-01-01T00:00:00Z"}]}
        """
        .formatted(status);
  }

  private static String post(Gateway gateway, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + gateway.port()
                                + GatewayHttpServer.ALERTMANAGER_PATH))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** What the orchestrator writes when the remediation ends. */
  private static void complete(KubernetesClient admin) {
    RemediationRequest rr =
        admin.resources(RemediationRequest.class).inNamespace(NS).list().getItems().get(0);
    RemediationRequestStatus status = rr.getStatus();
    status.setOverallPhase(RemediationPhase.COMPLETED);
    status.setCompletionTime(Instant.now().toString());
    admin.resource(rr).updateStatus();
  }
}
