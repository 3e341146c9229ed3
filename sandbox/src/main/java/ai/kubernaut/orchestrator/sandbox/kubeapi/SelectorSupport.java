package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Keeps selectors honest. The CRUD mock silently ignores requirements it cannot parse, which would
 * make a list or watch return too much. Here every label requirement must be one the mock evaluates
 * ({@code k=v}, {@code k==v}, {@code k!=v}, {@code k}, {@code !k}); set-based ones ({@code in},
 * {@code notin}) are refused with 400. Field selectors support {@code metadata.name} and {@code
 * metadata.namespace} everywhere, and on core Event lists also the fields a real server supports
 * for events ({@code involvedObject.*}, {@code reason}, {@code type}, {@code source}), which the
 * stand-in applies itself.
 */
public final class SelectorSupport {

  private static final Pattern EQUALITY =
      Pattern.compile("(?<key>[a-zA-Z0-9-_./]+)(?<op>==|=|!=)(?<value>[a-zA-Z0-9-_.]+)");
  private static final Pattern EXISTS = Pattern.compile("!?[a-zA-Z0-9-_./]+");
  private static final Pattern FIELD =
      Pattern.compile("(?<key>[a-zA-Z0-9-_.]+)(?<op>==|=|!=)(?<value>[^,]*)");
  private static final Set<String> EVERYWHERE = Set.of("metadata.name", "metadata.namespace");
  private static final Map<String, String> EVENT_FIELDS =
      Map.ofEntries(
          Map.entry("involvedObject.kind", ".involvedObject.kind"),
          Map.entry("involvedObject.namespace", ".involvedObject.namespace"),
          Map.entry("involvedObject.name", ".involvedObject.name"),
          Map.entry("involvedObject.uid", ".involvedObject.uid"),
          Map.entry("involvedObject.apiVersion", ".involvedObject.apiVersion"),
          Map.entry("involvedObject.resourceVersion", ".involvedObject.resourceVersion"),
          Map.entry("involvedObject.fieldPath", ".involvedObject.fieldPath"),
          Map.entry("reason", ".reason"),
          Map.entry("type", ".type"),
          Map.entry("source", ".source.component"),
          Map.entry("reportingComponent", ".reportingComponent"));

  private SelectorSupport() {}

  /**
   * A field requirement the stand-in evaluates itself.
   *
   * @param field the selector field name
   * @param negated whether the operator is {@code !=}
   * @param value the expected value
   */
  public record FieldRequirement(String field, boolean negated, String value) {

    /** Whether an object satisfies this requirement. */
    public boolean matches(JsonNode object) {
      String actual =
          SimpleJsonPath.parse(EVENT_FIELDS.get(field))
              .evaluate(object)
              .map(n -> n.isString() ? n.stringValue() : n.toString())
              .orElse("");
      return negated != actual.equals(value);
    }
  }

  /** Why the request's selectors cannot be served faithfully, if they cannot. */
  public static Optional<String> rejection(ApiRequest request) {
    Optional<String> labels = request.param("labelSelector").flatMap(SelectorSupport::badLabels);
    if (labels.isPresent()) {
      return labels;
    }
    String fieldSelector = request.param("fieldSelector").orElse("");
    for (String requirement : split(fieldSelector)) {
      Matcher m = FIELD.matcher(requirement);
      if (!m.matches()) {
        return Optional.of(
            "invalid field selector requirement \""
                + requirement
                + "\" in \""
                + fieldSelector
                + "\"");
      }
      String field = m.group("key");
      boolean supported =
          EVERYWHERE.contains(field) || (isEventList(request) && EVENT_FIELDS.containsKey(field));
      if (!supported) {
        return Optional.of(
            "field label not supported: "
                + field
                + " (the Kubernetes API stand-in supports metadata.name and metadata.namespace"
                + (isEventList(request) ? " and the Event fields of a real server" : "")
                + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> badLabels(String selector) {
    for (String requirement : split(selector)) {
      if (EQUALITY.matcher(requirement).matches() || EXISTS.matcher(requirement).matches()) {
        continue;
      }
      return Optional.of(
          "unable to parse requirement \""
              + requirement
              + "\" of labelSelector \""
              + selector
              + "\": the Kubernetes API stand-in supports only equality (=, ==, !=) and"
              + " existence (key, !key) requirements, not set-based ones (in, notin)");
    }
    return Optional.empty();
  }

  /** The field requirements this class evaluates itself (Event fields on an Event list). */
  public static List<FieldRequirement> postFilters(ApiRequest request) {
    List<FieldRequirement> result = new ArrayList<>();
    if (!isEventList(request)) {
      return result;
    }
    for (String requirement : split(request.param("fieldSelector").orElse(""))) {
      Matcher m = FIELD.matcher(requirement);
      if (m.matches() && EVENT_FIELDS.containsKey(m.group("key"))) {
        result.add(
            new FieldRequirement(m.group("key"), m.group("op").equals("!="), m.group("value")));
      }
    }
    return result;
  }

  /** The request URI with the post-filtered field requirements taken out of the field selector. */
  public static String withoutPostFilters(ApiRequest request) {
    StringBuilder uri = new StringBuilder(request.path());
    char separator = '?';
    for (Map.Entry<String, String> e : request.query().entrySet()) {
      String value = e.getValue();
      if (e.getKey().equals("fieldSelector")) {
        value =
            split(value).stream()
                .filter(
                    r -> {
                      Matcher m = FIELD.matcher(r);
                      return !(m.matches() && EVENT_FIELDS.containsKey(m.group("key")));
                    })
                .collect(Collectors.joining(","));
        if (value.isEmpty()) {
          continue;
        }
      }
      uri.append(separator)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      separator = '&';
    }
    return uri.toString();
  }

  private static boolean isEventList(ApiRequest request) {
    return request.group().isEmpty()
        && request.resource().equals("events")
        && request.method().equals("GET")
        && request.name() == null
        && !request.isWatch();
  }

  /** Splits a selector on the commas that separate requirements (not those inside parentheses). */
  static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      parts.add(current.toString().trim());
    }
    parts.removeIf(String::isEmpty);
    return parts;
  }
}
