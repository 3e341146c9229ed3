package ai.kubernaut.orchestrator.sandbox.scenarios;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import ai.kubernaut.orchestrator.api.v1alpha1.TimeoutConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One built-in sandbox scenario: the RR to create and how it must end.
 *
 * @param id stable identifier, also the RR name and the value of the {@value #ID_LABEL} label
 * @param description one line for people
 * @param signalName {@code spec.signalName}
 * @param severity {@code spec.severity}
 * @param target kind and name of the target; its namespace is the RR's (none for a Node)
 * @param fingerprintKey the text whose SHA-256 is the fingerprint; equal keys make duplicates
 * @param signalLabels {@code spec.signalLabels}
 * @param annotations annotations of the RR, the {@code sandbox.kubernaut.ai/*} script among them
 * @param timeouts {@code spec.timeoutConfig} fields (processing, analyzing, awaitingApproval,
 *     executing, recovering, global) to Go durations
 * @param providerData {@code spec.providerData}, raw (may be invalid on purpose)
 * @param expected how the RR must end
 * @param note why the expectation is what it is, when that is not obvious
 */
public record Scenario(
    String id,
    String description,
    String signalName,
    String severity,
    Target target,
    String fingerprintKey,
    Map<String, String> signalLabels,
    Map<String, String> annotations,
    Map<String, String> timeouts,
    String providerData,
    Expected expected,
    String note) {

  /** Label on every scenario RR: which scenario it belongs to. */
  public static final String ID_LABEL = "sandbox.kubernaut.ai/scenario-id";

  private static final Set<String> TIMEOUT_FIELDS =
      Set.of("processing", "analyzing", "awaitingApproval", "executing", "recovering", "global");

  /** The target of a scenario. */
  public record Target(String kind, String name) {
    public Target {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }

    boolean isClusterScoped() {
      return kind.equals("Node") || kind.equals("PersistentVolume") || kind.equals("Namespace");
    }
  }

  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(signalName, "signalName");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fingerprintKey, "fingerprintKey");
    signalLabels = Map.copyOf(signalLabels);
    annotations = Map.copyOf(annotations);
    timeouts = Map.copyOf(timeouts);
    for (String field : timeouts.keySet()) {
      if (!TIMEOUT_FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "unknown timeoutConfig field " + field + " (known: " + TIMEOUT_FIELDS + ")");
      }
    }
    Objects.requireNonNull(expected, "expected");
    note = note == null ? "" : note;
  }

  /** {@code spec.signalFingerprint}: 64 lowercase hex characters. */
  public String fingerprint() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(fingerprintKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The name of the RR: the scenario id. */
  public String rrName() {
    return id;
  }

  /** A new RR for this scenario in {@code namespace}, ready to create. */
  public RemediationRequest toRemediationRequest(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    RemediationRequest rr = new RemediationRequest();
    rr.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(rrName())
            .withLabels(Map.of(ID_LABEL, id))
            .withAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))
            .build());
    rr.setApiVersion(KubernautCrds.API_VERSION);
    RemediationRequestSpec spec = new RemediationRequestSpec();
    spec.setSignalFingerprint(fingerprint());
    spec.setSignalName(signalName);
    spec.setSeverity(severity);
    spec.setSignalType("prometheus-alert");
    spec.setSignalSource("sandbox");
    TargetResource targetResource = new TargetResource();
    targetResource.setKind(target.kind());
    targetResource.setName(target.name());
    if (!target.isClusterScoped()) {
      targetResource.setNamespace(namespace);
    }
    spec.setTargetResource(targetResource);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", signalName);
    labels.put("severity", severity);
    if (!target.isClusterScoped()) {
      labels.put("namespace", namespace);
    }
    labels.putAll(signalLabels);
    spec.setSignalLabels(labels);
    spec.setProviderData(providerData);
    if (!timeouts.isEmpty()) {
      TimeoutConfig config = new TimeoutConfig();
      config.setProcessing(timeouts.get("processing"));
      config.setAnalyzing(timeouts.get("analyzing"));
      config.setAwaitingApproval(timeouts.get("awaitingApproval"));
      config.setExecuting(timeouts.get("executing"));
      config.setRecovering(timeouts.get("recovering"));
      config.setGlobal(timeouts.get("global"));
      spec.setTimeoutConfig(config);
    }
    rr.setSpec(spec);
    return rr;
  }
}
