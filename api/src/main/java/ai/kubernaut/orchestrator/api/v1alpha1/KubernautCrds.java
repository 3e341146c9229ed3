package ai.kubernaut.orchestrator.api.v1alpha1;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/** The kinds this module defines and where their generated CRDs live on the classpath. */
public final class KubernautCrds {

  public static final String GROUP = "kubernaut.ai";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String CATEGORY = "kubernaut";

  /** Every kind, parent first. */
  public static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(
          RemediationRequest.class,
          SignalProcessing.class,
          AIAnalysis.class,
          RemediationApprovalRequest.class,
          WorkflowExecution.class,
          NotificationRequest.class);

  private KubernautCrds() {}

  /**
   * The classpath resource holding the generated {@code apiextensions.k8s.io/v1} CRD of {@code
   * kind}, for example {@code META-INF/fabric8/remediationrequests.kubernaut.ai-v1.yml}.
   */
  public static String resourcePath(Class<? extends HasMetadata> kind) {
    return "META-INF/fabric8/" + HasMetadata.getFullResourceName(kind) + "-v1.yml";
  }

  /** The classpath resources of all CRDs, in {@link #KINDS} order. */
  public static List<String> resourcePaths() {
    return KINDS.stream().map(KubernautCrds::resourcePath).toList();
  }
}
