package ai.kubernaut.orchestrator.sandbox.kubeapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The JSONPath subset CRD printer columns allow: a dotted field path with optional array indexes,
 * for example {@code .status.overallPhase}, {@code .spec.targetResource.name} or {@code
 * .status.refs[0].name}. A dot inside a key is escaped as {@code \.}.
 */
public final class SimpleJsonPath {

  private final List<Object> steps;

  private SimpleJsonPath(List<Object> steps) {
    this.steps = steps;
  }

  /** Parses a path; surrounding braces ({@code {.a.b}}) are accepted. */
  public static SimpleJsonPath parse(String expression) {
    String e = expression.trim();
    if (e.startsWith("{") && e.endsWith("}")) {
      e = e.substring(1, e.length() - 1);
    }
    if (!e.startsWith(".")) {
      throw new IllegalArgumentException("JSONPath must start with '.': " + expression);
    }
    List<Object> steps = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int i = 1; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c == '\\' && i + 1 < e.length()) {
        key.append(e.charAt(++i));
      } else if (c == '.') {
        addKey(steps, key);
      } else if (c == '[') {
        addKey(steps, key);
        int end = e.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '[' in JSONPath: " + expression);
        }
        steps.add(Integer.parseInt(e.substring(i + 1, end).trim()));
        i = end;
      } else {
        key.append(c);
      }
    }
    addKey(steps, key);
    return new SimpleJsonPath(List.copyOf(steps));
  }

  private static void addKey(List<Object> steps, StringBuilder key) {
    if (key.length() > 0) {
      steps.add(key.toString());
      key.setLength(0);
    }
  }

  /** The value at this path, or empty when any step is missing or null. */
  public Optional<JsonNode> evaluate(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return Optional.empty();
      }
      node = step instanceof Integer index ? node.get(index) : node.get((String) step);
    }
    return node == null || node.isNull() || node.isMissingNode()
        ? Optional.empty()
        : Optional.of(node);
  }
}
