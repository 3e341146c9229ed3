package ai.kubernaut.orchestrator.gateway.signal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reading typed fields out of a JSON tree, each failure naming the field by its path. */
final class JsonFields {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** Go's zero time, which Alertmanager sends for "not set". */
  private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

  private JsonFields() {}

  static JsonNode object(JsonNode parent, String field, String path, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw new InvalidSignalException("missing_field", "field '" + path + "' is missing");
      }
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidSignalException(
          "invalid_field", "field '" + path + "' must be an object, not " + describe(node));
    }
    return node;
  }

  static String text(JsonNode parent, String field, String path, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw new InvalidSignalException("missing_field", "field '" + path + "' is missing");
      }
      return null;
    }
    if (!node.isString()) {
      throw new InvalidSignalException(
          "invalid_field", "field '" + path + "' must be a string, not " + describe(node));
    }
    return node.asString();
  }

  /** A string-to-string map such as labels or annotations, bounded in size. */
  static Map<String, String> stringMap(
      JsonNode parent, String field, String path, boolean labelNames, int maxValueChars) {
    JsonNode node = object(parent, field, path, false);
    Map<String, String> map = new LinkedHashMap<>();
    if (node == null) {
      return map;
    }
    if (node.size() > SignalLimits.MAX_LABELS) {
      throw new InvalidSignalException(
          "too_many_labels",
          "field '"
              + path
              + "' has "
              + node.size()
              + " entries; at most "
              + SignalLimits.MAX_LABELS
              + " are accepted");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      String keyPath = path + "." + key;
      if (labelNames && !LABEL_NAME.matcher(key).matches()) {
        throw new InvalidSignalException(
            "invalid_labels",
            "'"
                + TargetMapping.abbreviate(key)
                + "' in '"
                + path
                + "' is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)");
      }
      if (!e.getValue().isString()) {
        throw new InvalidSignalException(
            "invalid_labels",
            "field '" + keyPath + "' must be a string, not " + describe(e.getValue()));
      }
      String value = e.getValue().asString();
      if (value.length() > maxValueChars) {
        throw new InvalidSignalException(
            "value_too_long",
            "field '"
                + keyPath
                + "' has "
                + value.length()
                + " characters; at most "
                + maxValueChars
                + " are accepted");
      }
      map.put(key, value);
    }
    return map;
  }

  /** An RFC 3339 timestamp; null when absent or Go's zero time. */
  static Instant timestamp(JsonNode parent, String field, String path) {
    String text = text(parent, field, path, false);
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidSignalException(
          "invalid_timestamp",
          "field '"
              + path
              + "' value '"
              + TargetMapping.abbreviate(text)
              + "' is not an RFC 3339 timestamp");
    }
    return instant.equals(GO_ZERO) ? null : instant;
  }

  static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNull()) {
      return "null";
    }
    return "a string";
  }
}
