package ai.kubernaut.orchestrator.sandbox.scenarios;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's built-in scenarios: the RRs the {@code sandbox} command creates, each scripted for
 * the simulated controllers through {@code sandbox.kubernaut.ai/*} annotations, with the terminal
 * phase and outcome the orchestrator must reach.
 *
 * <p>Every RR carries a {@value #SAFETY_GLOBAL_TIMEOUT} global timeout, so a remediation that
 * stalls ends as TimedOut (and shows up as a mismatch) instead of keeping the sandbox waiting.
 * Timeout scenarios use short phase timeouts so the whole set finishes in well under a minute with
 * the default step delay.
 */
public final class Scenarios {

  /** Global timeout on every scenario RR. */
  public static final String SAFETY_GLOBAL_TIMEOUT = "2m";

  /** Phase timeout of the timeout and approval-expiry scenarios. */
  public static final String SHORT_PHASE_TIMEOUT = "4s";

  public static final String CLEAN_SUCCESS = "clean-success";
  public static final String RECOVERY = "recovery";
  public static final String APPROVAL_GRANTED = "approval-granted";
  public static final String APPROVAL_EXPIRES = "approval-expires";
  public static final String PHASE_TIMEOUT = "phase-timeout";
  public static final String NO_ACTION = "no-action";
  public static final String DUPLICATE_FIRST = "duplicate-first";
  public static final String DUPLICATE_SECOND = "duplicate-second";
  public static final String INVALID_PROVIDER_DATA = "invalid-provider-data";

  private static final Expected REMEDIATED =
      Expected.of(RemediationPhase.COMPLETED, RemediationOutcome.REMEDIATED);

  private static final String DUPLICATE_NOTE =
      "same fingerprint and target as its pair (SPEC 5, DuplicateInProgress): one of them"
          + " remediates (registrations within the coordinator's settle window go to the older,"
          + " then the lower name); the other waits Blocked with duplicateOf set and"
          + " inherits its Completed/Remediated result; the first sends one nr-bulk NR listing it.";

  private static final List<Scenario> BUILT_IN =
      List.of(
          scenario(
              CLEAN_SUCCESS,
              "every step succeeds",
              "OOMKilled",
              "critical",
              new Target("Deployment", "checkout"),
              Map.of(Script.SCENARIO, "success"),
              Map.of(),
              null,
              REMEDIATED.withRecoveryAttempts(0),
              ""),
          scenario(
              RECOVERY,
              "the first workflow fails at step 2, the recovery attempt succeeds",
              "CrashLoopBackOff",
              "critical",
              new Target("Deployment", "payments"),
              Map.of(Script.SCENARIO, "recovery"),
              Map.of(),
              null,
              REMEDIATED.withRecoveryAttempts(1),
              ""),
          scenario(
              APPROVAL_GRANTED,
              "the analysis asks for approval, the sandbox approver grants it",
              "HighMemoryUsage",
              "warning",
              new Target("StatefulSet", "postgres"),
              Map.of(Script.SCENARIO, "approval"),
              Map.of(),
              null,
              REMEDIATED,
              ""),
          scenario(
              APPROVAL_EXPIRES,
              "the analysis asks for approval, nobody decides before the approval timeout",
              "NodeDiskPressure",
              "warning",
              new Target("Node", "worker-2"),
              Map.of(Script.SCENARIO, "approval-expires"),
              Map.of("awaitingApproval", SHORT_PHASE_TIMEOUT),
              null,
              Expected.of(RemediationPhase.FAILED, RemediationOutcome.FAILED)
                  .withFailurePhase("Approval"),
              "SPEC 3: no decision before the approval timeout -> Expired -> Failed. Not TimedOut:"
                  + " expiry is a decision outcome, as for Rejected; outcome Failed is the SPEC 2.1"
                  + " value for a remediation that ended without a fix and without a more specific"
                  + " cause."),
          scenario(
              PHASE_TIMEOUT,
              "the workflow execution never finishes; the executing timeout fires",
              "HighCPUThrottling",
              "warning",
              new Target("Deployment", "search"),
              Map.of(Script.SCENARIO, "timeout"),
              Map.of("executing", SHORT_PHASE_TIMEOUT),
              null,
              Expected.of(RemediationPhase.TIMED_OUT, RemediationOutcome.TIMED_OUT)
                  .withTimeoutPhase(RemediationPhase.EXECUTING),
              ""),
          scenario(
              NO_ACTION,
              "the analysis finds that nothing needs doing",
              "TransientNetworkErrors",
              "info",
              new Target("Deployment", "gateway"),
              Map.of(Script.SCENARIO, "no-action"),
              Map.of(),
              null,
              Expected.of(RemediationPhase.COMPLETED, RemediationOutcome.NO_ACTION_REQUIRED),
              ""),
          duplicate(DUPLICATE_FIRST, "the first of two RRs for the same signal and target"),
          duplicate(DUPLICATE_SECOND, "the second of two RRs for the same signal and target"),
          scenario(
              INVALID_PROVIDER_DATA,
              "spec.providerData is not JSON: rejected at validation",
              "ProbeFailed",
              "warning",
              new Target("Deployment", "inventory"),
              Map.of(),
              Map.of(),
              "{not json",
              Expected.of(RemediationPhase.FAILED, RemediationOutcome.FAILED)
                  .withFailurePhase("Configuration"),
              "the CRD accepts any string in providerData, so the API server lets it through and"
                  + " the orchestrator's Pending validation must fail it (SPEC 3)."));

  private Scenarios() {}

  /** Every built-in scenario, in the order the sandbox creates them. */
  public static List<Scenario> builtIn() {
    return BUILT_IN;
  }

  /** The built-in scenario with this id. */
  public static Optional<Scenario> byId(String id) {
    return BUILT_IN.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  private static Scenario duplicate(String id, String description) {
    return scenario(
        id,
        description,
        "ReplicasUnavailable",
        "critical",
        new Target("Deployment", "cart"),
        Map.of(Script.SCENARIO, "success"),
        Map.of(),
        null,
        REMEDIATED,
        DUPLICATE_NOTE);
  }

  private static Scenario scenario(
      String id,
      String description,
      String signalName,
      String severity,
      Target target,
      Map<String, String> annotations,
      Map<String, String> timeouts,
      String providerData,
      Expected expected,
      String note) {
    Map<String, String> allTimeouts = new LinkedHashMap<>(timeouts);
    allTimeouts.putIfAbsent("global", SAFETY_GLOBAL_TIMEOUT);
    return new Scenario(
        id,
        description,
        signalName,
        severity,
        target,
        // the fingerprint identifies the signal on its target, as the Gateway's does
        signalName + "/" + target.kind() + "/" + target.name(),
        Map.of("environment", "prod"),
        annotations,
        allTimeouts,
        providerData,
        expected,
        note);
  }
}
