package ai.kubernaut.orchestrator.gateway.signal;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an Alertmanager webhook payload (version "4": a group of alerts, each firing or resolved)
 * into {@link Signal}s. Every alert is validated before any is returned, so a bad alert rejects the
 * whole request and nothing partial is created.
 */
public final class AlertmanagerPayloads {

  public static final String SUPPORTED_VERSION = "4";
  public static final String SOURCE = "alertmanager";
  public static final String TYPE = "alert";

  /** More alerts than this in one notification is refused (Alertmanager's max_alerts caps it). */
  public static final int MAX_ALERTS = 1000;

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private final TargetMapping targets;

  public AlertmanagerPayloads(TargetMapping targets) {
    this.targets = targets;
  }

  /**
   * The alerts of {@code body}, in order.
   *
   * @throws InvalidSignalException naming the first problem found
   */
  public List<Signal> parse(byte[] body) {
    JsonNode root = readTree(body);
    if (!root.isObject()) {
      throw new InvalidSignalException(
          "invalid_payload",
          "the body must be a JSON object (an Alertmanager webhook payload), not "
              + JsonFields.describe(root));
    }
    JsonNode version = root.get("version");
    if (version == null || version.isNull()) {
      throw new InvalidSignalException(
          "unsupported_version",
          "field 'version' is missing; Alertmanager webhook payload version \""
              + SUPPORTED_VERSION
              + "\" is expected");
    }
    if (!version.isString() || !SUPPORTED_VERSION.equals(version.asString())) {
      throw new InvalidSignalException(
          "unsupported_version",
          "field 'version' is "
              + TargetMapping.abbreviate(version.toString())
              + "; only Alertmanager webhook payload version \""
              + SUPPORTED_VERSION
              + "\" is supported");
    }
    String groupStatus = JsonFields.text(root, "status", "status", false);
    String receiver = JsonFields.text(root, "receiver", "receiver", false);
    String groupKey = JsonFields.text(root, "groupKey", "groupKey", false);
    String externalUrl = JsonFields.text(root, "externalURL", "externalURL", false);
    JsonNode alerts = root.get("alerts");
    if (alerts == null || alerts.isNull()) {
      throw new InvalidSignalException("missing_field", "field 'alerts' is missing");
    }
    if (!alerts.isArray()) {
      throw new InvalidSignalException(
          "invalid_field", "field 'alerts' must be an array, not " + JsonFields.describe(alerts));
    }
    if (alerts.isEmpty()) {
      throw new InvalidSignalException("no_alerts", "field 'alerts' is empty");
    }
    if (alerts.size() > MAX_ALERTS) {
      throw new InvalidSignalException(
          "too_many_alerts",
          "field 'alerts' has " + alerts.size() + " alerts; at most " + MAX_ALERTS);
    }
    List<Signal> signals = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      signals.add(
          alert(alerts.get(i), "alerts[" + i + "]", groupStatus, receiver, groupKey, externalUrl));
    }
    return signals;
  }

  private Signal alert(
      JsonNode alert,
      String path,
      String groupStatus,
      String receiver,
      String groupKey,
      String externalUrl) {
    if (!alert.isObject()) {
      throw new InvalidSignalException(
          "invalid_field", "'" + path + "' must be an object, not " + JsonFields.describe(alert));
    }
    Map<String, String> labels =
        JsonFields.stringMap(
            alert, "labels", path + ".labels", true, SignalLimits.MAX_LABEL_VALUE_CHARS);
    Map<String, String> annotations =
        JsonFields.stringMap(
            alert,
            "annotations",
            path + ".annotations",
            false,
            SignalLimits.MAX_ANNOTATION_VALUE_CHARS);
    String name = labels.get("alertname");
    if (name == null || name.isBlank()) {
      throw new InvalidSignalException(
          "missing_alertname", "label '" + path + ".labels.alertname' is missing or empty");
    }
    if (name.length() > SignalLimits.MAX_NAME_CHARS) {
      throw new InvalidSignalException(
          "value_too_long",
          "label '"
              + path
              + ".labels.alertname' has "
              + name.length()
              + " characters; at most "
              + SignalLimits.MAX_NAME_CHARS);
    }
    String statusText = JsonFields.text(alert, "status", path + ".status", false);
    if (statusText == null) {
      statusText = groupStatus;
    }
    Signal.Status status;
    if ("firing".equals(statusText)) {
      status = Signal.Status.FIRING;
    } else if ("resolved".equals(statusText)) {
      status = Signal.Status.RESOLVED;
    } else {
      throw new InvalidSignalException(
          "invalid_status",
          "field '"
              + path
              + ".status' is "
              + (statusText == null ? "missing" : "'" + TargetMapping.abbreviate(statusText) + "'")
              + "; expected 'firing' or 'resolved'");
    }
    var startsAt = JsonFields.timestamp(alert, "startsAt", path + ".startsAt");
    var endsAt = JsonFields.timestamp(alert, "endsAt", path + ".endsAt");
    String generatorUrl = JsonFields.text(alert, "generatorURL", path + ".generatorURL", false);
    String amFingerprint = JsonFields.text(alert, "fingerprint", path + ".fingerprint", false);
    Signal.Target target;
    try {
      target = targets.targetOf(labels);
    } catch (InvalidSignalException e) {
      throw new InvalidSignalException(e.reason(), path + ": " + e.getMessage());
    }
    String severity = labels.getOrDefault("severity", "unknown").toLowerCase(Locale.ROOT);

    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("provider", SOURCE);
    putIfPresent(provider, "receiver", receiver);
    putIfPresent(provider, "groupKey", groupKey);
    putIfPresent(provider, "externalURL", externalUrl);
    putIfPresent(provider, "generatorURL", generatorUrl);
    putIfPresent(provider, "alertFingerprint", amFingerprint);
    putIfPresent(provider, "startsAt", startsAt == null ? null : startsAt.toString());
    putIfPresent(provider, "endsAt", endsAt == null ? null : endsAt.toString());
    return new Signal(
        Fingerprints.of(name, target),
        name,
        severity,
        TYPE,
        SOURCE,
        status,
        target,
        labels,
        annotations,
        startsAt,
        JSON.writeValueAsString(provider),
        SignalLimits.boundRaw(JSON.writeValueAsString(alert)));
  }

  static JsonNode readTree(byte[] body) {
    if (body.length == 0) {
      throw new InvalidSignalException("empty_body", "the request body is empty");
    }
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new InvalidSignalException("empty_body", "the request body is empty");
      }
      return root;
    } catch (JacksonException e) {
      throw new InvalidSignalException(
          "malformed_json", "the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return TargetMapping.abbreviate(nl < 0 ? message : message.substring(0, nl));
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }
}
