package ai.kubernaut.orchestrator.workflows.activities;

/**
 * {@code ApplicationFailure} types the activities raise as non-retryable and the workflow switches
 * on. Everything else an activity throws is retried with backoff (seed categories B and E).
 */
public final class FailureTypes {

  /** 400/422 from the API server, or input the API cannot accept (category C). */
  public static final String INVALID_SPEC = "InvalidSpec";

  /** A child with our deterministic name exists but another object controls it. */
  public static final String CHILD_OWNED_BY_OTHER = "ChildOwnedByOther";

  /** The RemediationRequest itself is gone (deleted before or during the run). */
  public static final String REMEDIATION_REQUEST_GONE = "RemediationRequestGone";

  /** 403: the orchestrator lacks a permission; retrying cannot help. */
  public static final String FORBIDDEN = "Forbidden";

  /** 404 on create (namespace missing): retrying cannot help. */
  public static final String NOT_FOUND = "NotFound";

  /**
   * The RemediationApprovalRequest already holds a different decision (taken through the RAR, or
   * Expired when the remediation ended); the first decision stands and nothing is overwritten.
   */
  public static final String APPROVAL_ALREADY_DECIDED = "ApprovalAlreadyDecided";

  private FailureTypes() {}
}
