package ai.kubernaut.orchestrator.gateway;

import ai.kubernaut.orchestrator.api.v1alpha1.Deduplication;
import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetType;
import ai.kubernaut.orchestrator.gateway.signal.Signal;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RemediationRequests the Gateway creates: names, labels and the spec built from a signal.
 * Pure: no client.
 */
public final class RemediationRequests {

  /** First 63 characters of the fingerprint (a label value holds at most 63). */
  public static final String FINGERPRINT_LABEL = "kubernaut.ai/signal-fingerprint";

  public static final String SIGNAL_NAME_LABEL = "kubernaut.ai/signal-name";
  public static final String SEVERITY_LABEL = "kubernaut.ai/severity";
  public static final String SOURCE_LABEL = "kubernaut.ai/signal-source";
  public static final String TARGET_KIND_LABEL = "kubernaut.ai/target-kind";
  public static final String TARGET_NAME_LABEL = "kubernaut.ai/target-name";
  public static final String TARGET_NAMESPACE_LABEL = "kubernaut.ai/target-namespace";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "kubernaut-gateway";

  private static final Pattern NAME = Pattern.compile("rr-([a-f0-9]{12})-([0-9]+)");

  private RemediationRequests() {}

  /**
   * {@code rr-<fingerprint[:12]>-<n>}: the n-th remediation of this fingerprint (1, 2, ...). Two
   * Gateway replicas that see the same history pick the same name, so the API server's create
   * conflict lets exactly one of them create it.
   */
  public static String name(String fingerprint, int sequence) {
    return "rr-" + fingerprint.substring(0, 12) + "-" + sequence;
  }

  /** The sequence number of a Gateway-made name, 0 for any other name. */
  public static int sequenceOf(String name) {
    Matcher m = NAME.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(2)) : 0;
  }

  /** The label value that finds every RR of a fingerprint. */
  public static String fingerprintLabel(String fingerprint) {
    return fingerprint.substring(0, 63);
  }

  /**
   * The RR to create for {@code signal}.
   *
   * @param previous name of the fingerprint's last (ended) RR, or null
   * @param storm the storm verdict; marks the RR when it is a storm
   */
  public static RemediationRequest desired(
      Signal signal,
      String namespace,
      int sequence,
      String previous,
      StormDetector.Verdict storm,
      Duration stormWindow,
      Instant now) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(FINGERPRINT_LABEL, fingerprintLabel(signal.fingerprint()));
    labels.put(SIGNAL_NAME_LABEL, Labels.value(signal.name()));
    labels.put(SEVERITY_LABEL, Labels.value(signal.severity()));
    labels.put(SOURCE_LABEL, signal.source());
    labels.put(TARGET_KIND_LABEL, Labels.value(signal.target().kind()));
    labels.put(TARGET_NAME_LABEL, Labels.value(signal.target().name()));
    if (signal.target().namespace() != null) {
      labels.put(TARGET_NAMESPACE_LABEL, signal.target().namespace());
    }
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);

    RemediationRequestSpec spec = new RemediationRequestSpec();
    spec.setSignalFingerprint(signal.fingerprint());
    spec.setSignalName(signal.name());
    spec.setSeverity(signal.severity());
    spec.setSignalType(signal.type());
    spec.setSignalSource(signal.source());
    spec.setTargetType(TargetType.KUBERNETES);
    spec.setTargetResource(signal.target().toResource());
    spec.setFiringTime(signal.firingTime() == null ? null : signal.firingTime().toString());
    spec.setReceivedTime(now.toString());
    spec.setSignalLabels(signal.labels().isEmpty() ? null : signal.labels());
    spec.setSignalAnnotations(signal.annotations().isEmpty() ? null : signal.annotations());
    spec.setProviderData(signal.providerData());
    spec.setOriginalPayload(signal.rawPayload());
    Deduplication dedup = new Deduplication();
    dedup.setIsDuplicate(false);
    dedup.setFirstSeen(now.toString());
    dedup.setLastSeen(now.toString());
    dedup.setOccurrenceCount(1);
    dedup.setPreviousRemediationRequestRef(previous);
    spec.setDeduplication(dedup);
    if (storm.storm()) {
      spec.setIsStorm(true);
      spec.setStormType(StormDetector.RATE);
      spec.setStormWindow(GoDuration.format(stormWindow));
      spec.setStormAlertCount(storm.alertCount());
    }

    RemediationRequest rr = new RemediationRequest();
    rr.setMetadata(
        new ObjectMetaBuilder()
            .withName(name(signal.fingerprint(), sequence))
            .withNamespace(namespace)
            .withLabels(labels)
            .build());
    rr.setSpec(spec);
    return rr;
  }

  /** How many times the RR's signal has been seen: status.deduplication, else spec's, else 1. */
  public static int occurrences(RemediationRequest rr) {
    if (rr.getStatus() != null
        && rr.getStatus().getDeduplication() != null
        && rr.getStatus().getDeduplication().getOccurrenceCount() != null) {
      return rr.getStatus().getDeduplication().getOccurrenceCount();
    }
    if (rr.getSpec() != null
        && rr.getSpec().getDeduplication() != null
        && rr.getSpec().getDeduplication().getOccurrenceCount() != null) {
      return rr.getSpec().getDeduplication().getOccurrenceCount();
    }
    return 1;
  }

  /** Whether the RR is still being remediated (no phase yet counts as active). */
  public static boolean isActive(RemediationRequest rr) {
    return rr.getStatus() == null
        || rr.getStatus().getOverallPhase() == null
        || !rr.getStatus().getOverallPhase().isTerminal();
  }
}
