package ai.kubernaut.orchestrator.sandbox.controllers;

import java.util.Map;

/** Scripts for controller tests, written as the annotations a user would put on an RR. */
final class Scripts {

  private Scripts() {}

  static Script script(String annotation, Script.Valued value) {
    return script(Map.of(annotation, value.value()));
  }

  static Script script(String annotation, String value) {
    return script(Map.of(annotation, value));
  }

  /** The script these annotations give; a test's own typo fails it. */
  static Script script(Map<String, String> annotations) {
    Script script = Script.fromAnnotations(annotations);
    if (!script.problems().isEmpty()) {
      throw new IllegalArgumentException("bad test script: " + script.problems());
    }
    return script;
  }
}
