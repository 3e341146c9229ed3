package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequestStatus;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.NotificationOutcome;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Simulated notification controller: marks a NotificationRequest Sent and hands it to the {@link
 * NotificationSink} once the write succeeded, or marks it Failed ({@code sandbox.kubernaut.ai/nr}).
 */
final class NotificationController extends ScriptedController<NotificationRequest> {

  private final NotificationSink sink;

  NotificationController(
      KubernetesClient client,
      ControllerConfig config,
      RemediationRequests remediationRequests,
      ScheduledExecutorService executor,
      ChildStore<NotificationRequest> store,
      NotificationSink sink) {
    super(NotificationRequest.class, client, config, remediationRequests, executor, store);
    this.sink = sink;
  }

  static NotificationPhase phase(NotificationRequest nr) {
    return nr.getStatus() == null || nr.getStatus().getPhase() == null
        ? NotificationPhase.PENDING
        : nr.getStatus().getPhase();
  }

  @Override
  String state(NotificationRequest nr) {
    return phase(nr).value();
  }

  @Override
  boolean isFinished(NotificationRequest nr) {
    NotificationPhase phase = phase(nr);
    return phase.isTerminal() || phase == NotificationPhase.UNKNOWN;
  }

  @Override
  ObjectReference remediationRequestRef(NotificationRequest nr) {
    return nr.getSpec() == null ? null : nr.getSpec().getRemediationRequestRef();
  }

  @Override
  Optional<String> deadline(NotificationRequest nr) {
    return Optional.empty();
  }

  @Override
  Optional<Step<NotificationRequest>> next(NotificationRequest nr, StepContext context) {
    if (phase(nr) != NotificationPhase.PENDING && phase(nr) != NotificationPhase.SENDING) {
      return Optional.empty();
    }
    String from = phase(nr).value();
    if (context.script().notification() == NotificationOutcome.FAIL) {
      return Optional.of(
          Step.of(
              from + " -> Failed",
              context.stepDelay(),
              fresh -> {
                NotificationRequestStatus status = status(fresh);
                status.setPhase(NotificationPhase.FAILED);
                status.setMessage(
                    "delivery failed: channel unreachable (scripted by "
                        + Script.NOTIFICATION
                        + "=fail)");
              }));
    }
    return Optional.of(
        new Step<>(
            from + " -> Sent",
            context.stepDelay(),
            fresh -> {
              NotificationRequestStatus status = status(fresh);
              status.setPhase(NotificationPhase.SENT);
              status.setMessage("delivered by the sandbox notification sink");
            },
            sent -> sink.deliver(delivery(sent))));
  }

  /** What the sink receives for {@code nr}. */
  static NotificationSink.Delivery delivery(NotificationRequest nr) {
    NotificationRequestSpec spec = nr.getSpec();
    Map<String, String> labels = nr.getMetadata().getLabels();
    String rr =
        RemediationRequests.ownerName(nr, spec == null ? null : spec.getRemediationRequestRef())
            .orElse(labels == null ? null : labels.get(Labels.REMEDIATION_REQUEST));
    return new NotificationSink.Delivery(
        nr.getMetadata().getNamespace(),
        nr.getMetadata().getName(),
        rr,
        spec == null || spec.getType() == null ? null : spec.getType().value(),
        spec == null || spec.getPriority() == null ? null : spec.getPriority().value(),
        spec == null ? null : spec.getSubject(),
        spec == null ? null : spec.getChannels());
  }

  private static NotificationRequestStatus status(NotificationRequest nr) {
    if (nr.getStatus() == null) {
      nr.setStatus(new NotificationRequestStatus());
    }
    return nr.getStatus();
  }
}
