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

/** Asks a human to approve a remediation; created as {@code rar-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("remediationapprovalrequests")
@ShortNames("rar")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Decision", jsonPath = ".status.decision")
@AdditionalPrinterColumn(name = "Decided By", jsonPath = ".status.decidedBy")
@AdditionalPrinterColumn(name = "Required By", jsonPath = ".spec.requiredBy")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
@AdditionalPrinterColumn(
    name = "Workflow",
    jsonPath = ".spec.recommendedWorkflow.workflowId",
    priority = 1)
@AdditionalPrinterColumn(
    name = "Confidence",
    jsonPath = ".spec.confidence",
    type = AdditionalPrinterColumn.Type.NUMBER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Remediation",
    jsonPath = ".spec.remediationRequestRef.name",
    priority = 1)
public class RemediationApprovalRequest
    extends CustomResource<RemediationApprovalRequestSpec, RemediationApprovalRequestStatus>
    implements Namespaced {}
