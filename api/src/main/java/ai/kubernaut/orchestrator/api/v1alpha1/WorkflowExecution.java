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

/** Runs the chosen remediation workflow; created as {@code we-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("workflowexecutions")
@ShortNames("we")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Workflow", jsonPath = ".spec.workflowRef.workflowId")
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.targetResource.name")
@AdditionalPrinterColumn(
    name = "Steps",
    jsonPath = ".status.stepsCompleted",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
@AdditionalPrinterColumn(
    name = "Total",
    jsonPath = ".status.totalSteps",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Failed Step",
    jsonPath = ".status.failedStep",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Remediation",
    jsonPath = ".spec.remediationRequestRef.name",
    priority = 1)
public class WorkflowExecution
    extends CustomResource<WorkflowExecutionSpec, WorkflowExecutionStatus> implements Namespaced {}
