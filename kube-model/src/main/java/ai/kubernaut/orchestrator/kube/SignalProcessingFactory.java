package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalData;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingSpec;
import java.time.Instant;

/** The desired SignalProcessing of an RR: the RR's signal fields passed through (SPEC §2.2). */
public final class SignalProcessingFactory {

  private SignalProcessingFactory() {}

  public static SignalProcessing desired(RemediationRequest rr, String name, Instant timesOutAt) {
    RemediationRequestSpec spec = rr.getSpec();
    SignalData signal = new SignalData();
    signal.setFingerprint(spec.getSignalFingerprint());
    signal.setName(spec.getSignalName());
    signal.setSeverity(spec.getSeverity());
    signal.setType(spec.getSignalType());
    signal.setSource(spec.getSignalSource());
    signal.setTargetType(spec.effectiveTargetType());
    signal.setTargetResource(Copies.target(spec.getTargetResource()));
    signal.setClusterID(spec.getClusterID());
    signal.setLabels(Copies.map(spec.getSignalLabels()));
    signal.setAnnotations(Copies.map(spec.getSignalAnnotations()));
    signal.setFiringTime(spec.getFiringTime());
    signal.setReceivedTime(spec.getReceivedTime());
    signal.setProviderData(spec.getProviderData());

    SignalProcessingSpec childSpec = new SignalProcessingSpec();
    childSpec.setRemediationRequestRef(ChildMetadata.rrRef(rr));
    childSpec.setSignal(signal);
    childSpec.setTimesOutAt(ChildMetadata.rfc3339(timesOutAt));

    SignalProcessing sp = new SignalProcessing();
    sp.setMetadata(ChildMetadata.ownedMeta(rr, name));
    sp.setSpec(childSpec);
    return sp;
  }
}
