package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;
import java.util.List;

/**
 * The whole state of one remediation: returned by the {@code state} query and carried over when the
 * workflow continues as new. {@code status} is exactly what was last projected onto the RR.
 */
public record RemediationState(
    DesiredStatus status,
    String waitingFor,
    Instant phaseDeadline,
    Instant globalDeadline,
    long statusSequence,
    int retries,
    List<String> failurePatterns,
    List<String> timeline) {

  public RemediationState {
    failurePatterns = failurePatterns == null ? List.of() : List.copyOf(failurePatterns);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }
}
