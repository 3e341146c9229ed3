package ai.kubernaut.orchestrator.workflows.model;

import java.util.List;

/** What the coordinator did on a release: the duplicates that inherited the outcome. */
public record RoutingReleaseResult(List<String> duplicates) {

  public RoutingReleaseResult {
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
  }
}
