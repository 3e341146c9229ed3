package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.RemediationDefaults;
import ai.kubernaut.orchestrator.workflows.model.PhaseTimeouts;
import picocli.CommandLine.Option;

/** Defaults for every RemediationRequest (an RR's spec may override the timeouts). */
public final class RemediationOptions {

  static final String PROCESSING_TIMEOUT = "--processing-timeout";
  static final String ANALYZING_TIMEOUT = "--analyzing-timeout";
  static final String AWAITING_APPROVAL_TIMEOUT = "--awaiting-approval-timeout";
  static final String EXECUTING_TIMEOUT = "--executing-timeout";
  static final String RECOVERING_TIMEOUT = "--recovering-timeout";
  static final String GLOBAL_TIMEOUT = "--global-timeout";
  static final String MAX_RECOVERY_ATTEMPTS = "--max-recovery-attempts";
  static final String TERMINATION_RATE_THRESHOLD = "--termination-rate-threshold";
  static final String RETENTION = "--retention";

  @Option(
      names = PROCESSING_TIMEOUT,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_PROCESSING_TIMEOUT:-5m}",
      description = "Processing phase timeout (SignalProcessing), Go duration.")
  String processing;

  @Option(
      names = ANALYZING_TIMEOUT,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_ANALYZING_TIMEOUT:-10m}",
      description = "Analyzing phase timeout (AIAnalysis), Go duration.")
  String analyzing;

  @Option(
      names = AWAITING_APPROVAL_TIMEOUT,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_AWAITING_APPROVAL_TIMEOUT:-15m}",
      description = "AwaitingApproval timeout; no decision by then means Expired.")
  String awaitingApproval;

  @Option(
      names = EXECUTING_TIMEOUT,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_EXECUTING_TIMEOUT:-30m}",
      description = "Executing phase timeout (WorkflowExecution), Go duration.")
  String executing;

  @Option(
      names = RECOVERING_TIMEOUT,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_RECOVERING_TIMEOUT:-10m}",
      description = "Recovering phase timeout (recovery AIAnalysis), Go duration.")
  String recovering;

  @Option(
      names = GLOBAL_TIMEOUT,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_GLOBAL_TIMEOUT:-1h}",
      description = "Whole-remediation timeout from startTime, Go duration.")
  String global;

  @Option(
      names = MAX_RECOVERY_ATTEMPTS,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_MAX_RECOVERY_ATTEMPTS:-3}",
      description = "Recovery attempts after a failed WorkflowExecution; 0 disables recovery.")
  int maxRecoveryAttempts;

  @Option(
      names = TERMINATION_RATE_THRESHOLD,
      paramLabel = "<fraction>",
      defaultValue = "${env:KUBERNAUT_TERMINATION_RATE_THRESHOLD:-0.10}",
      description =
          "No recovery when the cluster-wide termination rate of the last hour reaches this (0..1].")
  double terminationRateThreshold;

  @Option(
      names = RETENTION,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_RETENTION:-24h}",
      description = "How long a finished RemediationRequest is kept before deletion.")
  String retention;

  public RemediationDefaults toConfig(ConfigValidator v) {
    PhaseTimeouts timeouts =
        new PhaseTimeouts(
            v.positiveDuration(PROCESSING_TIMEOUT, processing),
            v.positiveDuration(ANALYZING_TIMEOUT, analyzing),
            v.positiveDuration(AWAITING_APPROVAL_TIMEOUT, awaitingApproval),
            v.positiveDuration(EXECUTING_TIMEOUT, executing),
            v.positiveDuration(RECOVERING_TIMEOUT, recovering),
            v.positiveDuration(GLOBAL_TIMEOUT, global));
    return new RemediationDefaults(
        timeouts,
        v.intAtLeast(MAX_RECOVERY_ATTEMPTS, maxRecoveryAttempts, 0),
        v.fraction(TERMINATION_RATE_THRESHOLD, terminationRateThreshold),
        v.positiveDuration(RETENTION, retention));
  }
}
