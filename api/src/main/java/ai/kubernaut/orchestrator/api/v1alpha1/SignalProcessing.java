package ai.kubernaut.orchestrator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Enriches and classifies a signal; created by the orchestrator as {@code sp-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("signalprocessings")
@ShortNames("sp")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Environment", jsonPath = ".status.environment")
@AdditionalPrinterColumn(name = "Priority", jsonPath = ".status.priority")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
@AdditionalPrinterColumn(
    name = "Remediation",
    jsonPath = ".spec.remediationRequestRef.name",
    priority = 1)
@AdditionalPrinterColumn(name = "Signal", jsonPath = ".spec.signal.name", priority = 1)
public class SignalProcessing extends CustomResource<SignalProcessingSpec, SignalProcessingStatus>
    implements Namespaced {}
