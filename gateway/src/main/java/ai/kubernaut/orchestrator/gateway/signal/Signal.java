package ai.kubernaut.orchestrator.gateway.signal;

import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert or event, extracted and validated, ready to become (or count towards) a
 * RemediationRequest.
 *
 * @param fingerprint SHA-256 of the identity subset (see {@link Fingerprints}), 64 lowercase hex
 * @param name the signal name (Alertmanager {@code alertname}, Event {@code reason})
 * @param severity raw provider severity
 * @param type {@code alert} or {@code event}
 * @param source {@code alertmanager} or {@code kubernetes-event}
 * @param status whether the signal is firing or resolved
 * @param target the Kubernetes object the signal is about
 * @param labels the signal's labels
 * @param annotations the signal's annotations
 * @param firingTime when the provider says it started firing; null when unknown
 * @param providerData small JSON object with provider context (never the whole payload)
 * @param rawPayload this one alert or event as received, bounded (see {@link SignalLimits})
 */
public record Signal(
    String fingerprint,
    String name,
    String severity,
    String type,
    String source,
    Status status,
    Target target,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant firingTime,
    String providerData,
    String rawPayload) {

  /** Firing starts or continues a remediation; resolved is only recorded. */
  public enum Status {
    FIRING,
    RESOLVED
  }

  /**
   * What the signal is about.
   *
   * @param namespace null for cluster-scoped kinds
   */
  public record Target(String kind, String name, String namespace, String apiVersion) {
    public Target {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }

    public TargetResource toResource() {
      TargetResource r = new TargetResource();
      r.setKind(kind);
      r.setName(name);
      r.setNamespace(namespace);
      r.setApiVersion(apiVersion);
      return r;
    }

    /** {@code kind/name} or {@code namespace/kind/name}, for messages. */
    public String describe() {
      return (namespace == null ? "" : namespace + "/") + kind + "/" + name;
    }
  }

  public Signal {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(target, "target");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public boolean firing() {
    return status == Status.FIRING;
  }
}
