package ai.kubernaut.orchestrator.workflows.model;

/** A child the workflow created (or adopted); {@code adopted} is true when it already existed. */
public record ChildRef(ChildKind kind, String name, String uid, boolean adopted) {}
