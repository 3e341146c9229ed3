package ai.kubernaut.orchestrator.workflows.model;

/**
 * The immutable spec fields the orchestration needs, copied from the RR when its workflow starts.
 * Never the raw payload: providerData and originalPayload stay in Kubernetes. Timeout overrides are
 * kept as the raw Go-duration strings so a bad value is still visible in history; the validate
 * activity parses them.
 */
public record RemediationSnapshot(
    String signalFingerprint,
    String signalName,
    String severity,
    String signalType,
    String targetType,
    TargetRef target,
    String environment,
    String priority,
    RawTimeoutConfig timeoutConfig,
    Integer maxRecoveryAttempts) {

  /** spec.timeoutConfig as written by the Gateway, unparsed. */
  public record RawTimeoutConfig(
      String processing,
      String analyzing,
      String awaitingApproval,
      String executing,
      String global) {}
}
