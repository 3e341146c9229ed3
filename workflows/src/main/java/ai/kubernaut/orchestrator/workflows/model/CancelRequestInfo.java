package ai.kubernaut.orchestrator.workflows.model;

/**
 * Who asked Temporal to cancel a run and why, as recorded on its WorkflowExecutionCancelRequested
 * event ({@code temporal workflow cancel --reason}); each null when not recorded.
 */
public record CancelRequestInfo(String reason, String identity) {

  public static CancelRequestInfo unknown() {
    return new CancelRequestInfo(null, null);
  }

  /** {@code " by <identity>: <reason>"}, or the part that is known, or empty. */
  public String describe() {
    String by = identity == null || identity.isBlank() ? "" : " by " + identity;
    String why = reason == null || reason.isBlank() ? "" : ": " + reason;
    return by + why;
  }
}
