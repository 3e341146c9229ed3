package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.TemporalRef;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default stand-in serves the six Kubernaut CRDs from the api jar, and kubectl shows them. */
class KubernautCrdsIT {

  static KubernetesApiStandIn api;
  @TempDir static Path home;
  String ns;

  @BeforeAll
  static void start() {
    api = KubernetesApiStandIn.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void namespace() {
    ns = TestWidgets.uniqueNamespace(api);
  }

  private static String rrYaml(String namespace, String name) {
    try (InputStream in =
        KubernautCrdsIT.class.getClassLoader().getResourceAsStream("kubernaut/rr.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("NAMESPACE", namespace)
          .replace("NAME", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RemediationRequest executing(String name) {
    RemediationRequest rr =
        api.client()
            .resources(RemediationRequest.class)
            .inNamespace(ns)
            .resource(Serialization.unmarshal(rrYaml(ns, name), RemediationRequest.class))
            .create();
    RemediationRequestStatus status = new RemediationRequestStatus();
    status.setOverallPhase(RemediationPhase.EXECUTING);
    status.setRecoveryAttempts(1);
    TemporalRef temporal = new TemporalRef();
    temporal.setWorkflowId("remediation-" + ns + "-" + name);
    status.setTemporal(temporal);
    status.setShortFingerprint(rr.getSpec().shortFingerprint());
    rr.setStatus(status);
    return api.client()
        .resources(RemediationRequest.class)
        .inNamespace(ns)
        .resource(rr)
        .updateStatus();
  }

  private static Kubectl kubectl() {
    Optional<Path> binary = Kubectl.find();
    Assumptions.assumeTrue(binary.isPresent(), "kubectl not found on PATH: skipping kubectl tests");
    return new Kubectl(binary.get(), api.writeKubeconfig(home.resolve("kubeconfig")));
  }

  @Test
  void installsAllSixKubernautCrdsWithStatusSubresources() {
    APIResourceList list =
        Serialization.unmarshal(
            new RawHttp(api.url()).get("/apis/kubernaut.ai/v1alpha1").body(),
            APIResourceList.class);

    assertThat(list.getResources())
        .extracting(APIResource::getName)
        .contains(
            "remediationrequests",
            "signalprocessings",
            "aianalyses",
            "remediationapprovalrequests",
            "workflowexecutions",
            "notificationrequests",
            "remediationrequests/status");
    assertThat(list.getResources())
        .filteredOn(r -> !r.getName().contains("/"))
        .hasSize(KubernautCrds.KINDS.size())
        .allSatisfy(r -> assertThat(r.getCategories()).contains(KubernautCrds.CATEGORY));
    assertThat(list.getResources())
        .filteredOn(r -> !r.getName().contains("/"))
        .extracting(APIResource::getName, r -> r.getShortNames())
        .containsExactlyInAnyOrder(
            tuple("remediationrequests", List.of("rr")),
            tuple("signalprocessings", List.of("sp")),
            tuple("aianalyses", List.of("ai")),
            tuple("remediationapprovalrequests", List.of("rar")),
            tuple("workflowexecutions", List.of("we")),
            tuple("notificationrequests", List.of("nr")));
  }

  @Test
  void writesTypedStatusThroughTheStatusSubresource() {
    RemediationRequest rr = executing("rr-1");

    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.EXECUTING);
    assertThat(rr.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void kubectlGetRrShowsTheRealPrinterColumns() {
    Kubectl kubectl = kubectl();
    executing("rr-1");

    Kubectl.Result all = kubectl.run("get", "rr", "-A");
    Kubectl.Result wide = kubectl.run("get", "rr", "-n", ns, "-o", "wide");

    assertThat(all.exitCode()).as(all.stderr()).isZero();
    assertThat(header(all))
        .containsExactly(
            "NAMESPACE", "NAME", "PHASE", "OUTCOME", "SIGNAL", "TARGET", "ATTEMPTS", "AGE");
    assertThat(all.stdout())
        .contains("rr-1")
        .contains("Executing")
        .contains("HighMemoryUsage")
        .contains("payment-api");
    assertThat(wide.exitCode()).as(wide.stderr()).isZero();
    assertThat(header(wide))
        .containsExactly(
            "NAME",
            "PHASE",
            "OUTCOME",
            "SIGNAL",
            "TARGET",
            "ATTEMPTS",
            "AGE",
            "FINGERPRINT",
            "WORKFLOW ID");
    assertThat(wide.stdout())
        .containsPattern("(?m)\\s35183cb5d2c1\\s+remediation-" + ns + "-rr-1\\s*$");
  }

  @Test
  void kubectlFindsEveryKindByShortNameAndAllOfThemByCategory() {
    Kubectl kubectl = kubectl();
    executing("rr-1");

    Kubectl.Result children = kubectl.run("get", "sp,ai,rar,we,nr", "-n", ns);
    Kubectl.Result category = kubectl.run("get", "kubernaut", "-n", ns, "-o", "name");

    assertThat(children.exitCode()).as(children.stderr()).isZero();
    assertThat(children.stderr()).contains("No resources found");
    assertThat(category.exitCode()).as(category.stderr()).isZero();
    assertThat(category.stdout().strip()).isEqualTo("remediationrequest.kubernaut.ai/rr-1");
  }

  private static List<String> header(Kubectl.Result result) {
    return List.of(result.stdout().lines().findFirst().orElse("").trim().split("\\s{2,}"));
  }

  @Test
  void kubectlReadsDescribesCreatesAndDeletesRemediationRequests() throws IOException {
    Kubectl kubectl = kubectl();
    RemediationRequest rr = executing("rr-1");
    api.client()
        .v1()
        .events()
        .inNamespace(ns)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("rr-1.phase")
                .endMetadata()
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withApiVersion(KubernautCrds.API_VERSION)
                        .withKind("RemediationRequest")
                        .withNamespace(ns)
                        .withName("rr-1")
                        .withUid(rr.getMetadata().getUid())
                        .build())
                .withReason("PhaseTransition")
                .withMessage("Analyzing -> Executing")
                .withType("Normal")
                .build())
        .create();
    Path file = Files.writeString(home.resolve("rr-2.yaml"), rrYaml(ns, "rr-2"));

    Kubectl.Result phase =
        kubectl.run("get", "rr", "rr-1", "-n", ns, "-o", "jsonpath={.status.overallPhase}");
    Kubectl.Result describe = kubectl.run("describe", "rr", "rr-1", "-n", ns);
    Kubectl.Result created = kubectl.run("create", "--validate=false", "-f", file.toString());
    Kubectl.Result deleted = kubectl.run("delete", "rr", "rr-2", "-n", ns);

    assertThat(phase.stdout()).isEqualTo("Executing");
    assertThat(describe.exitCode()).as(describe.stderr()).isZero();
    assertThat(describe.stdout())
        .contains("rr-1")
        .contains("Overall Phase:")
        .contains("Executing")
        .contains("PhaseTransition")
        .contains("Analyzing -> Executing");
    assertThat(created.stdout()).contains("remediationrequest.kubernaut.ai/rr-2 created");
    assertThat(deleted.stdout()).contains("remediationrequest.kubernaut.ai \"rr-2\" deleted");
    assertThat(
            api.client().resources(RemediationRequest.class).inNamespace(ns).withName("rr-2").get())
        .isNull();
  }
}
