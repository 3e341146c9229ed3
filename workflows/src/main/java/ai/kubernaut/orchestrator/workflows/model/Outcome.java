package ai.kubernaut.orchestrator.workflows.model;

/** RR status.outcome once terminal (names equal the CRD strings). */
public enum Outcome {
  Remediated,
  NoActionRequired,
  ManualReviewRequired,
  Deduplicated,
  Cancelled,
  Failed,
  TimedOut
}
