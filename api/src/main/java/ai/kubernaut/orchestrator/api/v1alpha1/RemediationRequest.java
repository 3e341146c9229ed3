package ai.kubernaut.orchestrator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One signal to remediate, created by the Gateway and driven by the orchestrator. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("remediationrequests")
@ShortNames("rr")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.overallPhase")
@AdditionalPrinterColumn(name = "Outcome", jsonPath = ".status.outcome")
@AdditionalPrinterColumn(name = "Signal", jsonPath = ".spec.signalName")
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.targetResource.name")
@AdditionalPrinterColumn(
    name = "Attempts",
    jsonPath = ".status.recoveryAttempts",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
@AdditionalPrinterColumn(name = "Fingerprint", jsonPath = ".status.shortFingerprint", priority = 1)
@AdditionalPrinterColumn(
    name = "Workflow ID",
    jsonPath = ".status.temporal.workflowId",
    priority = 1)
public class RemediationRequest
    extends CustomResource<RemediationRequestSpec, RemediationRequestStatus> implements Namespaced {

  /** Lets the orchestrator cancel the workflow before a deleted RemediationRequest goes away. */
  public static final String FINALIZER = "kubernaut.ai/remediation-orchestrator";

  /**
   * Required in the schema: the immutability rule on {@code spec} only runs when both the old and
   * the new object have one, so without this an update could drop the spec.
   */
  @Required
  @Override
  public RemediationRequestSpec getSpec() {
    return super.getSpec();
  }
}
