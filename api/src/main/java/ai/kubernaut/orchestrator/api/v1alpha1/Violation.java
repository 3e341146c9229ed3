package ai.kubernaut.orchestrator.api.v1alpha1;

import java.util.Objects;

/** One rule a resource breaks: the field path and what is wrong with it. */
public record Violation(String field, String reason) {

  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code <field>: <reason>}, the form written to status messages. */
  public String message() {
    return field + ": " + reason;
  }

  @Override
  public String toString() {
    return message();
  }
}
