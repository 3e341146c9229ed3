package ai.kubernaut.orchestrator.workflows.model;

/** Result of re-reading a child: {@code found} is false while the child does not exist (yet). */
public record ChildObservation(boolean found, ChildStatus status) {

  public static ChildObservation notFound() {
    return new ChildObservation(false, null);
  }

  public static ChildObservation of(ChildStatus status) {
    return new ChildObservation(true, status);
  }
}
