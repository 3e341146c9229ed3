package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.EnrichmentSummary;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalData;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingStatus;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.sandbox.controllers.Script.SignalProcessingOutcome;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Simulated SignalProcessing controller: Pending → Enriching → Classifying → Completed with
 * environment, priority and an enrichment summary, or Failed ({@code sandbox.kubernaut.ai/sp}).
 */
final class SignalProcessingController extends ScriptedController<SignalProcessing> {

  SignalProcessingController(
      KubernetesClient client,
      ControllerConfig config,
      RemediationRequests remediationRequests,
      ScheduledExecutorService executor,
      ChildStore<SignalProcessing> store) {
    super(SignalProcessing.class, client, config, remediationRequests, executor, store);
  }

  static SignalProcessingPhase phase(SignalProcessing sp) {
    return sp.getStatus() == null || sp.getStatus().getPhase() == null
        ? SignalProcessingPhase.PENDING
        : sp.getStatus().getPhase();
  }

  @Override
  String state(SignalProcessing sp) {
    return phase(sp).value();
  }

  @Override
  boolean isFinished(SignalProcessing sp) {
    SignalProcessingPhase phase = phase(sp);
    return phase.isTerminal() || phase == SignalProcessingPhase.UNKNOWN;
  }

  @Override
  ObjectReference remediationRequestRef(SignalProcessing sp) {
    return sp.getSpec() == null ? null : sp.getSpec().getRemediationRequestRef();
  }

  @Override
  Optional<String> deadline(SignalProcessing sp) {
    return Optional.ofNullable(sp.getSpec()).map(spec -> spec.getTimesOutAt());
  }

  @Override
  Optional<Step<SignalProcessing>> next(SignalProcessing sp, StepContext context) {
    SignalProcessingOutcome outcome = context.script().signalProcessing();
    return switch (phase(sp)) {
      case PENDING ->
          Optional.of(
              Step.of(
                  "Pending -> Enriching",
                  context.stepDelay(),
                  fresh -> {
                    SignalProcessingStatus status = status(fresh);
                    status.setPhase(SignalProcessingPhase.ENRICHING);
                    status.setMessage("enriching signal " + signalOf(sp, context).getName());
                  }));
      case ENRICHING -> enriched(sp, context, outcome);
      case CLASSIFYING -> Optional.of(classified(sp, context));
      default -> Optional.empty();
    };
  }

  private Optional<Step<SignalProcessing>> enriched(
      SignalProcessing sp, StepContext context, SignalProcessingOutcome outcome) {
    return switch (outcome) {
      case STUCK -> Optional.empty();
      case FAIL ->
          Optional.of(
              Step.of(
                  "Enriching -> Failed",
                  context.stepDelay(),
                  fresh -> {
                    SignalProcessingStatus status = status(fresh);
                    status.setPhase(SignalProcessingPhase.FAILED);
                    status.setMessage(
                        "enrichment failed: the target could not be read (scripted by "
                            + Script.SIGNAL_PROCESSING
                            + "=fail)");
                  }));
      case SUCCEED -> {
        EnrichmentSummary enrichment = enrichment(sp, context);
        yield Optional.of(
            Step.of(
                "Enriching -> Classifying",
                context.stepDelay(),
                fresh -> {
                  SignalProcessingStatus status = status(fresh);
                  status.setPhase(SignalProcessingPhase.CLASSIFYING);
                  status.setEnrichment(enrichment);
                  status.setMessage("classifying signal " + signalOf(sp, context).getName());
                }));
      }
    };
  }

  private Step<SignalProcessing> classified(SignalProcessing sp, StepContext context) {
    SignalData signal = signalOf(sp, context);
    RemediationRequestSpec rrSpec =
        context.remediationRequest().map(rr -> rr.getSpec()).orElse(null);
    String environment =
        SandboxCatalog.environmentFor(
            rrSpec == null ? null : rrSpec.getEnvironment(),
            signal.getLabels(),
            signal.getTargetResource() == null ? null : signal.getTargetResource().getNamespace());
    String priority =
        SandboxCatalog.priorityFor(
            rrSpec == null ? null : rrSpec.getPriority(),
            signal.getLabels(),
            signal.getSeverity(),
            environment);
    EnrichmentSummary enrichment =
        sp.getStatus() != null && sp.getStatus().getEnrichment() != null
            ? sp.getStatus().getEnrichment()
            : enrichment(sp, context);
    return Step.of(
        "Classifying -> Completed (" + environment + ", " + priority + ")",
        context.stepDelay(),
        fresh -> {
          SignalProcessingStatus status = status(fresh);
          status.setPhase(SignalProcessingPhase.COMPLETED);
          status.setEnvironment(environment);
          status.setPriority(priority);
          if (status.getEnrichment() == null) {
            status.setEnrichment(enrichment);
          }
          status.setMessage("classified as " + environment + " / " + priority);
        });
  }

  /** The enrichment the simulated controller "finds" for the signal's target. */
  static EnrichmentSummary enrichment(SignalProcessing sp, StepContext context) {
    SignalData signal = signalOf(sp, context);
    TargetResource target = signal.getTargetResource();
    String environment =
        SandboxCatalog.environmentFor(
            context.remediationRequest().map(rr -> rr.getSpec().getEnvironment()).orElse(null),
            signal.getLabels(),
            target == null ? null : target.getNamespace());
    EnrichmentSummary enrichment = new EnrichmentSummary();
    Map<String, String> namespaceLabels = new LinkedHashMap<>();
    if (target != null && target.getNamespace() != null) {
      namespaceLabels.put("kubernetes.io/metadata.name", target.getNamespace());
    }
    namespaceLabels.put("environment", environment);
    enrichment.setNamespaceLabels(namespaceLabels);
    List<String> owners = new ArrayList<>();
    if (target != null) {
      enrichment.setWorkloadLabels(Map.of("app", target.getName()));
      if ("Pod".equals(target.getKind())) {
        String workload = target.getName().replaceAll("-[a-z0-9]{5,10}(-[a-z0-9]{5})?$", "");
        owners.add("ReplicaSet/" + workload + "-5d8f7c9b6");
        owners.add("Deployment/" + workload);
      } else if ("Deployment".equals(target.getKind())) {
        owners.add("Deployment/" + target.getName());
      }
    }
    enrichment.setOwnerChain(owners);
    enrichment.setSummary(
        "%s in %s, severity %s%s"
            .formatted(
                SandboxCatalog.describe(target),
                environment,
                signal.getSeverity() == null ? "unknown" : signal.getSeverity(),
                owners.isEmpty() ? "" : ", owned by " + owners.get(owners.size() - 1)));
    return enrichment;
  }

  /** The signal from the SP spec, else from the RR spec, else an empty one. */
  static SignalData signalOf(SignalProcessing sp, StepContext context) {
    if (sp.getSpec() != null && sp.getSpec().getSignal() != null) {
      return sp.getSpec().getSignal();
    }
    SignalData signal = new SignalData();
    context
        .remediationRequest()
        .map(rr -> rr.getSpec())
        .ifPresent(
            spec -> {
              signal.setFingerprint(spec.getSignalFingerprint());
              signal.setName(spec.getSignalName());
              signal.setSeverity(spec.getSeverity());
              signal.setTargetResource(spec.getTargetResource());
              signal.setLabels(spec.getSignalLabels());
            });
    return signal;
  }

  private static SignalProcessingStatus status(SignalProcessing sp) {
    if (sp.getStatus() == null) {
      sp.setStatus(new SignalProcessingStatus());
    }
    return sp.getStatus();
  }
}
