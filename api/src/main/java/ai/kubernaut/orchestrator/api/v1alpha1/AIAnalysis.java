package ai.kubernaut.orchestrator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Finds the root cause and picks a remediation workflow; created as {@code ai-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("aianalyses")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.reason")
@AdditionalPrinterColumn(
    name = "Confidence",
    jsonPath = ".status.confidence",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Workflow", jsonPath = ".status.selectedWorkflow.workflowId")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
public class AIAnalysis extends CustomResource<AIAnalysisSpec, AIAnalysisStatus>
    implements Namespaced {}
