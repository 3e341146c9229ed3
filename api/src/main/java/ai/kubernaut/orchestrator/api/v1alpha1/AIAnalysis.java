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

/** Finds the root cause and picks a remediation workflow; created as {@code ai-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("aianalyses")
@ShortNames("ai")
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
@AdditionalPrinterColumn(
    name = "Approval",
    jsonPath = ".status.approvalRequired",
    type = AdditionalPrinterColumn.Type.BOOLEAN,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Recovery",
    jsonPath = ".spec.recoveryAttemptNumber",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Remediation",
    jsonPath = ".spec.remediationRequestRef.name",
    priority = 1)
public class AIAnalysis extends CustomResource<AIAnalysisSpec, AIAnalysisStatus>
    implements Namespaced {}
