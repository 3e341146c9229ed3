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

/** A notification for the notification controller to deliver; created as {@code nr-<type>-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("notificationrequests")
@ShortNames("nr")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type")
@AdditionalPrinterColumn(name = "Priority", jsonPath = ".spec.priority")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
@AdditionalPrinterColumn(
    name = "Remediation",
    jsonPath = ".spec.remediationRequestRef.name",
    priority = 1)
@AdditionalPrinterColumn(name = "Subject", jsonPath = ".spec.subject", priority = 1)
public class NotificationRequest
    extends CustomResource<NotificationRequestSpec, NotificationRequestStatus>
    implements Namespaced {}
