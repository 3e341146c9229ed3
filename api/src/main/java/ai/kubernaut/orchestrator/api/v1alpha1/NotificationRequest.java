package ai.kubernaut.orchestrator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A notification for the notification controller to deliver; created as {@code nr-<type>-<rr>}. */
@Group(KubernautCrds.GROUP)
@Version(KubernautCrds.VERSION)
@Plural("notificationrequests")
@Categories(KubernautCrds.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type")
@AdditionalPrinterColumn(name = "Priority", jsonPath = ".spec.priority")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    format = PrinterColumnFormat.NONE)
public class NotificationRequest
    extends CustomResource<NotificationRequestSpec, NotificationRequestStatus>
    implements Namespaced {}
