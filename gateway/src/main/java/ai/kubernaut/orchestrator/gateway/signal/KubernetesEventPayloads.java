package ai.kubernaut.orchestrator.gateway.signal;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads one Kubernetes Event, as an event exporter posts it (the {@code core/v1} Event object, or
 * {@code events.k8s.io/v1} with {@code regarding} and {@code note}), into a {@link Signal}. Only
 * {@code type: Warning} events become signals; a Normal event is acknowledged and ignored.
 */
public final class KubernetesEventPayloads {

  public static final String SOURCE = "kubernetes-event";
  public static final String TYPE = "event";

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
  private static final Pattern REASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

  /**
   * The Warning event in {@code body} as a signal; empty for an event of another type.
   *
   * @throws InvalidSignalException naming the first problem found
   */
  public Optional<Signal> parse(byte[] body) {
    JsonNode event = AlertmanagerPayloads.readTree(body);
    if (!event.isObject()) {
      throw new InvalidSignalException(
          "invalid_payload",
          "the body must be a JSON Kubernetes Event object, not " + JsonFields.describe(event));
    }
    String type = JsonFields.text(event, "type", "type", true);
    if (!type.equals("Warning") && !type.equals("Normal")) {
      throw new InvalidSignalException(
          "invalid_field",
          "field 'type' is '" + TargetMapping.abbreviate(type) + "'; expected Warning or Normal");
    }
    String reason = JsonFields.text(event, "reason", "reason", true);
    if (!REASON.matcher(reason).matches()) {
      throw new InvalidSignalException(
          "invalid_field",
          "field 'reason' value '"
              + TargetMapping.abbreviate(reason)
              + "' is not an event reason (letters, digits, '_', '.', ':', '-', at most 128)");
    }
    String objectField = event.has("regarding") ? "regarding" : "involvedObject";
    JsonNode object = JsonFields.object(event, objectField, objectField, true);
    String kind = JsonFields.text(object, "kind", objectField + ".kind", true);
    String name = JsonFields.text(object, "name", objectField + ".name", true);
    String namespace = JsonFields.text(object, "namespace", objectField + ".namespace", false);
    String apiVersion = JsonFields.text(object, "apiVersion", objectField + ".apiVersion", false);
    if (!KIND.matcher(kind).matches()) {
      throw new InvalidSignalException(
          "invalid_target",
          "field '"
              + objectField
              + ".kind' value '"
              + TargetMapping.abbreviate(kind)
              + "' is not a Kubernetes kind");
    }
    if (!TargetMapping.isObjectName(name)) {
      throw new InvalidSignalException(
          "invalid_target",
          "field '"
              + objectField
              + ".name' value '"
              + TargetMapping.abbreviate(name)
              + "' is not a valid Kubernetes name");
    }
    if (namespace != null && !namespace.isEmpty() && !TargetMapping.isNamespaceName(namespace)) {
      throw new InvalidSignalException(
          "invalid_target",
          "field '"
              + objectField
              + ".namespace' value '"
              + TargetMapping.abbreviate(namespace)
              + "' is not a valid namespace name");
    }
    if (!type.equals("Warning")) {
      return Optional.empty();
    }
    Signal.Target target =
        new Signal.Target(
            kind, name, namespace == null || namespace.isEmpty() ? null : namespace, apiVersion);
    String message =
        JsonFields.text(event, event.has("note") ? "note" : "message", "message", false);
    Instant firing =
        firstNonNull(
            JsonFields.timestamp(event, "firstTimestamp", "firstTimestamp"),
            JsonFields.timestamp(event, "eventTime", "eventTime"),
            JsonFields.timestamp(event, "lastTimestamp", "lastTimestamp"));

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("reason", reason);
    labels.put("kind", kind);
    labels.put("name", name);
    if (target.namespace() != null) {
      labels.put("namespace", target.namespace());
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (message != null && !message.isEmpty()) {
      annotations.put("message", bounded(message, SignalLimits.MAX_ANNOTATION_VALUE_CHARS));
    }
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("provider", SOURCE);
    JsonNode metadata = event.get("metadata");
    if (metadata != null && metadata.isObject() && metadata.path("name").isString()) {
      provider.put("eventName", metadata.path("name").asString());
    }
    JsonNode count = event.get("count");
    if (count != null && count.isNumber()) {
      provider.put("count", count.asLong());
    }
    JsonNode source = event.get("source");
    if (source != null && source.isObject() && source.path("component").isString()) {
      provider.put("component", source.path("component").asString());
    }
    return Optional.of(
        new Signal(
            Fingerprints.of(reason, target),
            reason,
            "warning",
            TYPE,
            SOURCE,
            Signal.Status.FIRING,
            target,
            labels,
            annotations,
            firing,
            JSON.writeValueAsString(provider),
            SignalLimits.boundRaw(JSON.writeValueAsString(event))));
  }

  private static String bounded(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
