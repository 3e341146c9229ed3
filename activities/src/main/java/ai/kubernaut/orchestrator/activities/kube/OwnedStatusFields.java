package ai.kubernaut.orchestrator.activities.kube;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RR status fields the orchestrator owns, and the copy of exactly those onto a status read from
 * the API server. Everything else in the stored status (status.deduplication, which the Gateway
 * writes, and any field this version does not know) is kept byte for byte. An owned field the
 * projection leaves unset is removed, so the stored status is exactly the workflow's.
 */
public final class OwnedStatusFields {

  /** JSON names of every field of RemediationRequestStatus except {@code deduplication}. */
  public static final List<String> OWNED =
      List.of(
          "overallPhase",
          "outcome",
          "message",
          "reason",
          "observedGeneration",
          "startTime",
          "phaseStartTime",
          "completionTime",
          "conditions",
          "timeoutConfig",
          "signalProcessingRef",
          "aiAnalysisRefs",
          "workflowExecutionRefs",
          "approvalRequestRef",
          "notificationRequestRefs",
          "notificationStatuses",
          "signalProcessingStatus",
          "aiAnalysisStatus",
          "workflowExecutionStatus",
          "stepsCompleted",
          "stepsTotal",
          "overallProgress",
          "recoveryAttempts",
          "maxRecoveryAttempts",
          "lastFailureTime",
          "recoveryReason",
          "escalatedToManualReview",
          "failurePhase",
          "failureReason",
          "timeoutPhase",
          "timeoutTime",
          "blockReason",
          "blockedUntil",
          "duplicateOf",
          "duplicateCount",
          "lastDuplicateTime",
          "skipReason",
          "approvalNotificationSent",
          "retentionExpiryTime",
          "temporal",
          "shortFingerprint",
          "statusSequence",
          "statusWorkflowTask",
          "statusRunId");

  private OwnedStatusFields() {}

  /**
   * {@code stored} with every owned field replaced by its value in {@code ours} (or removed when
   * {@code ours} has none); a new map, the inputs are not changed.
   */
  public static Map<String, Object> overlay(Map<String, Object> stored, Map<String, Object> ours) {
    Map<String, Object> result = new LinkedHashMap<>(stored == null ? Map.of() : stored);
    for (String key : OWNED) {
      Object value = ours.get(key);
      if (value == null) {
        result.remove(key);
      } else {
        result.put(key, value);
      }
    }
    return result;
  }
}
