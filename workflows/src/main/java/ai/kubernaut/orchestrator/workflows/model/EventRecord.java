package ai.kubernaut.orchestrator.workflows.model;

/** A Kubernetes Event to emit on the RR: type Normal or Warning, a CamelCase reason, a message. */
public record EventRecord(String type, String reason, String message) {

  public static EventRecord normal(String reason, String message) {
    return new EventRecord("Normal", reason, message);
  }

  public static EventRecord warning(String reason, String message) {
    return new EventRecord("Warning", reason, message);
  }
}
