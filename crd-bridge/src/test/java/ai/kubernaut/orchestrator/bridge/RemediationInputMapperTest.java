package ai.kubernaut.orchestrator.bridge;

import static ai.kubernaut.orchestrator.activities.TestRemediations.rr;
import static ai.kubernaut.orchestrator.activities.TestRemediations.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.workflows.model.RemediationInput;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.RemediationSettings;
import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemediationInputMapperTest {

  @Test
  void copiesIdentitySpecAndSettings() {
    RemediationRequest rr = withTimeouts(rr("team-a", "disk-full"), "2m");
    rr.getMetadata().setUid("uid-1");
    rr.getMetadata().setCreationTimestamp("2025-01-02T03:04:05Z");
    RemediationSettings settings = RemediationSettings.defaults();

    RemediationInput input = RemediationInputMapper.map(rr, settings);

    assertThat(input.rr()).isEqualTo(new RemediationRef("team-a", "disk-full", "uid-1"));
    assertThat(input.creationTimestamp()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(input.settings()).isSameAs(settings);
    assertThat(input.carriedState()).isNull();
    assertThat(input.snapshot().signalName()).isEqualTo("HighMemoryUsage");
    assertThat(input.snapshot().targetType()).isEqualTo("kubernetes");
    assertThat(input.snapshot().target())
        .isEqualTo(new TargetRef("Deployment", "web", "team-a", "apps/v1"));
    assertThat(input.snapshot().timeoutConfig().processing()).isEqualTo("2m");
  }

  @Test
  void passesBadInputThroughForTheWorkflowToJudge() {
    RemediationRequest rr = rr("team-a", "broken");
    rr.getSpec().setSignalName(null);
    rr.getSpec().setTargetResource(null);
    rr.getMetadata().setCreationTimestamp("not a date");

    RemediationInput input = RemediationInputMapper.map(rr, RemediationSettings.defaults());

    assertThat(input.snapshot().signalName()).isNull();
    assertThat(input.snapshot().target()).isNull();
    assertThat(input.creationTimestamp()).isNull();
  }
}
