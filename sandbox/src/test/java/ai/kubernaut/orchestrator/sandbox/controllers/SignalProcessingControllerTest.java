package ai.kubernaut.orchestrator.sandbox.controllers;

import static ai.kubernaut.orchestrator.sandbox.controllers.Scripts.script;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.CONFIG;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.context;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.drive;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.rr;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.sp;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.SignalProcessingOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalProcessingControllerTest {

  private final SignalProcessingController controller =
      new SignalProcessingController(null, CONFIG, null, null, null);

  @Test
  void enrichesClassifiesAndCompletes() {
    SignalProcessing sp = sp("ns", "oom");

    var states = drive(controller, sp, context(Script.defaults()));

    assertThat(states).containsExactly("Enriching", "Classifying", "Completed");
    SignalProcessingStatus status = sp.getStatus();
    assertThat(status.getEnvironment()).isEqualTo("staging");
    assertThat(status.getPriority()).isEqualTo("P1");
    assertThat(status.getEnrichment().getSummary())
        .contains("Pod payments/api-7d9f8c6b5-x2x9q")
        .contains("staging")
        .contains("Deployment/api");
    assertThat(status.getEnrichment().getOwnerChain())
        .containsExactly("ReplicaSet/api-5d8f7c9b6", "Deployment/api");
    assertThat(controller.isFinished(sp)).isTrue();
  }

  @Test
  void prefersTheEnvironmentAndPriorityTheRrSets() {
    SignalProcessing sp = sp("ns", "oom");
    RemediationRequest rr = rr("ns", "oom", Map.of());
    rr.getSpec().setEnvironment("dev");
    rr.getSpec().setPriority("P3");

    drive(controller, sp, context(Script.defaults(), rr));

    assertThat(sp.getStatus().getEnvironment()).isEqualTo("dev");
    assertThat(sp.getStatus().getPriority()).isEqualTo("P3");
  }

  @Test
  void failsWhenScriptedTo() {
    SignalProcessing sp = sp("ns", "oom");

    var states =
        drive(
            controller,
            sp,
            context(script(Script.SIGNAL_PROCESSING, SignalProcessingOutcome.FAIL)));

    assertThat(states).containsExactly("Enriching", "Failed");
    assertThat(sp.getStatus().getMessage()).contains("sandbox.kubernaut.ai/sp=fail");
  }

  @Test
  void staysEnrichingWhenStuck() {
    SignalProcessing sp = sp("ns", "oom");

    var states =
        drive(
            controller,
            sp,
            context(script(Script.SIGNAL_PROCESSING, SignalProcessingOutcome.STUCK)));

    assertThat(states).containsExactly("Enriching");
    assertThat(controller.isFinished(sp)).isFalse();
  }

  @Test
  void usesTheRrDelayForEachStep() {
    SignalProcessing sp = sp("ns", "oom");

    var step = controller.next(sp, context(script(Script.DELAY, "0")));

    assertThat(step).get().extracting(Step::delay).isEqualTo(Duration.ZERO);
  }

  @Test
  void treatsAnOrchestratorFailureAsFinished() {
    SignalProcessing sp = sp("ns", "oom");
    sp.setStatus(new SignalProcessingStatus());
    sp.getStatus().setPhase(SignalProcessingPhase.FAILED);
    sp.getStatus().setMessage("ParentTimedOut");

    assertThat(controller.isFinished(sp)).isTrue();
  }
}
