package ai.kubernaut.orchestrator.sandbox.controllers;

import static ai.kubernaut.orchestrator.sandbox.controllers.Scripts.script;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.CONFIG;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.context;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.drive;
import static ai.kubernaut.orchestrator.sandbox.controllers.TestChildren.nr;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.NotificationOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationControllerTest {

  private final List<NotificationSink.Delivery> delivered = new ArrayList<>();
  private final NotificationController controller =
      new NotificationController(null, CONFIG, null, null, null, delivered::add);

  @Test
  void marksSentAndDeliversOnce() {
    NotificationRequest nr = nr("ns", "oom");

    var states = drive(controller, nr, context(Script.defaults()));

    assertThat(states).containsExactly("Sent");
    assertThat(delivered)
        .singleElement()
        .satisfies(
            delivery -> {
              assertThat(delivery.name()).isEqualTo("nr-completion-oom");
              assertThat(delivery.remediationRequest()).isEqualTo("oom");
              assertThat(delivery.summary())
                  .isEqualTo(
                      "[notify] Completion/Low rr ns/oom via default: Remediation completed:"
                          + " OOMKilled on Deployment payments/api");
            });
  }

  @Test
  void failsWithoutDeliveringWhenScriptedTo() {
    NotificationRequest nr = nr("ns", "oom");

    var states =
        drive(controller, nr, context(script(Script.NOTIFICATION, NotificationOutcome.FAIL)));

    assertThat(states).containsExactly("Failed");
    assertThat(delivered).isEmpty();
  }

  @Test
  void namesTheRequestedChannelsInTheSummary() {
    NotificationRequest nr = nr("ns", "oom");
    nr.getSpec().setChannels(List.of("slack", "email"));

    assertThat(NotificationController.delivery(nr).summary()).contains("via slack,email");
  }
}
