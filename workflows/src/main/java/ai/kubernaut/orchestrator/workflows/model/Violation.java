package ai.kubernaut.orchestrator.workflows.model;

/** One invalid field of an RR spec: the field path and a message a person can act on. */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
