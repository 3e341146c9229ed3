package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class ModelRoundTripTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("remediationrequest-full.yaml", RemediationRequest.class),
        Arguments.of("signalprocessing-full.yaml", SignalProcessing.class),
        Arguments.of("aianalysis-full.yaml", AIAnalysis.class),
        Arguments.of("remediationapprovalrequest-full.yaml", RemediationApprovalRequest.class),
        Arguments.of("workflowexecution-full.yaml", WorkflowExecution.class),
        Arguments.of("notificationrequest-full.yaml", NotificationRequest.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void keepsEveryFieldThroughYamlModelAndJson(String resource, Class<? extends HasMetadata> kind) {
    String yaml = Fixtures.text(resource);
    JsonNode expected = Serialization.yamlMapper().readTree(yaml);

    HasMetadata model = Serialization.unmarshal(yaml, kind);
    JsonNode viaJson = Serialization.jsonMapper().readTree(Serialization.asJson(model));
    JsonNode viaYaml = Serialization.yamlMapper().readTree(Serialization.asYaml(model));

    assertThat(viaJson).isEqualTo(expected);
    assertThat(viaYaml).isEqualTo(expected);
  }

  @Test
  void readsEnumsAsTypedConstants() {
    RemediationRequest rr = Fixtures.validRemediationRequest();

    assertThat(rr.getSpec().getTargetType()).isEqualTo(TargetType.KUBERNETES);
    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.FAILED);
    assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.MANUAL_REVIEW_REQUIRED);
    assertThat(rr.getStatus().getTimeoutPhase()).isEqualTo(RemediationPhase.EXECUTING);
    assertThat(rr.getStatus().getWorkflowExecutionRefs().get(0).getOutcome())
        .isEqualTo(WorkflowExecutionPhase.FAILED);
    assertThat(rr.getStatus().getStatusSequence()).isEqualTo(42L);
    assertThat(rr.getStatus().getTemporal().getUiURL()).startsWith("https://temporal.example.com");
  }

  @Test
  void readsAnUnknownEnumValueAsUnknownWithoutLosingTheRestOfTheObject() {
    String yaml =
        Fixtures.text("remediationrequest-full.yaml")
            .replace("overallPhase: Failed", "overallPhase: Paused")
            .replace("outcome: ManualReviewRequired", "outcome: SomethingNew");

    RemediationRequest rr = Serialization.unmarshal(yaml, RemediationRequest.class);

    assertThat(rr.getStatus().getOverallPhase()).isEqualTo(RemediationPhase.UNKNOWN);
    assertThat(rr.getStatus().getOutcome()).isEqualTo(RemediationOutcome.UNKNOWN);
    assertThat(rr.getStatus().getRecoveryAttempts()).isEqualTo(1);
    assertThat(rr.getSpec().getSignalName()).isEqualTo("HighMemoryUsage");
  }

  @Test
  void ignoresFieldsAddedByANewerController() {
    String yaml =
        Fixtures.text("workflowexecution-full.yaml")
            .replace("  errorType: OOMKilled", "  errorType: OOMKilled\n  retryHint: later");

    WorkflowExecution we = Serialization.unmarshal(yaml, WorkflowExecution.class);

    assertThat(we.getStatus().getErrorType()).isEqualTo("OOMKilled");
  }

  @Test
  void leavesAbsentFieldsOutOfTheJson() {
    RemediationRequest rr = new RemediationRequest();
    rr.setStatus(new RemediationRequestStatus());
    rr.getStatus().setOverallPhase(RemediationPhase.AWAITING_APPROVAL);

    JsonNode json = Serialization.jsonMapper().readTree(Serialization.asJson(rr));

    assertThat(json.get("status").properties())
        .extracting(java.util.Map.Entry::getKey)
        .containsExactly("overallPhase");
    assertThat(json.get("status").get("overallPhase").asString()).isEqualTo("AwaitingApproval");
  }

  @Test
  void derivesApiVersionAndKindFromTheAnnotations() {
    RemediationRequest rr = new RemediationRequest();

    assertThat(rr.getApiVersion()).isEqualTo("kubernaut.ai/v1alpha1");
    assertThat(rr.getKind()).isEqualTo("RemediationRequest");
    assertThat(new AIAnalysis().getPlural()).isEqualTo("aianalyses");
  }
}
