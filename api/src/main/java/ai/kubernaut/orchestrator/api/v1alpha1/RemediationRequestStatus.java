package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;

/**
 * Progress of a remediation; written only by the orchestrator (the Gateway may write
 * deduplication).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RemediationRequestStatus {
  private RemediationPhase overallPhase;

  private RemediationOutcome outcome;

  private String message;

  private String reason;

  private Long observedGeneration;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String startTime;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String phaseStartTime;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String completionTime;

  private List<Condition> conditions;

  @JsonPropertyDescription(
      "Effective timeouts: spec overrides merged over defaults, or changed by an operator")
  private TimeoutConfig timeoutConfig;

  private ObjectReference signalProcessingRef;

  @JsonPropertyDescription("Initial analysis first, then one per recovery attempt")
  private List<ObjectReference> aiAnalysisRefs;

  private List<WorkflowExecutionRef> workflowExecutionRefs;

  private ObjectReference approvalRequestRef;

  private List<ObjectReference> notificationRequestRefs;

  @JsonPropertyDescription(
      "Delivery of each NotificationRequest in notificationRequestRefs, as its controller reports it")
  private List<NotificationDeliverySummary> notificationStatuses;

  private SignalProcessingSummary signalProcessingStatus;

  private AIAnalysisSummary aiAnalysisStatus;

  private WorkflowExecutionSummary workflowExecutionStatus;

  private Integer stepsCompleted;

  private Integer stepsTotal;

  @JsonPropertyDescription("Percent, 0 to 100")
  @Min(0)
  @Max(100)
  private Integer overallProgress;

  private Integer recoveryAttempts;

  private Integer maxRecoveryAttempts;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String lastFailureTime;

  private String recoveryReason;

  private Boolean escalatedToManualReview;

  @JsonPropertyDescription(
      "Configuration, SignalProcessing, AIAnalysis, Approval, WorkflowExecution, ...")
  private String failurePhase;

  private String failureReason;

  private RemediationPhase timeoutPhase;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String timeoutTime;

  @JsonPropertyDescription(
      "DuplicateInProgress, ResourceBusy, RecentlyRemediated or ConsecutiveFailures")
  private String blockReason;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String blockedUntil;

  private String duplicateOf;

  private Integer duplicateCount;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String lastDuplicateTime;

  private String skipReason;

  private Boolean approvalNotificationSent;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String retentionExpiryTime;

  private TemporalRef temporal;

  @JsonPropertyDescription(
      "First 12 characters of spec.signalFingerprint, for the wide printer column")
  private String shortFingerprint;

  @JsonPropertyDescription(
      "Orchestrator write sequence; a write with a lower sequence for the same run is stale")
  private Long statusSequence;

  @JsonPropertyDescription("Temporal run that wrote statusSequence")
  private String statusRunId;

  @JsonPropertyDescription(
      "History length at the workflow task that decided the write: orders two writes of the same"
          + " statusSequence (a retried workflow task's write wins)")
  private Long statusWorkflowTask;

  @JsonPropertyDescription("Written by the Gateway")
  private Deduplication deduplication;

  public RemediationPhase getOverallPhase() {
    return overallPhase;
  }

  public void setOverallPhase(RemediationPhase overallPhase) {
    this.overallPhase = overallPhase;
  }

  public RemediationOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(RemediationOutcome outcome) {
    this.outcome = outcome;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getPhaseStartTime() {
    return phaseStartTime;
  }

  public void setPhaseStartTime(String phaseStartTime) {
    this.phaseStartTime = phaseStartTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public TimeoutConfig getTimeoutConfig() {
    return timeoutConfig;
  }

  public void setTimeoutConfig(TimeoutConfig timeoutConfig) {
    this.timeoutConfig = timeoutConfig;
  }

  public ObjectReference getSignalProcessingRef() {
    return signalProcessingRef;
  }

  public void setSignalProcessingRef(ObjectReference signalProcessingRef) {
    this.signalProcessingRef = signalProcessingRef;
  }

  public List<ObjectReference> getAiAnalysisRefs() {
    return aiAnalysisRefs;
  }

  public void setAiAnalysisRefs(List<ObjectReference> aiAnalysisRefs) {
    this.aiAnalysisRefs = aiAnalysisRefs;
  }

  public List<WorkflowExecutionRef> getWorkflowExecutionRefs() {
    return workflowExecutionRefs;
  }

  public void setWorkflowExecutionRefs(List<WorkflowExecutionRef> workflowExecutionRefs) {
    this.workflowExecutionRefs = workflowExecutionRefs;
  }

  public ObjectReference getApprovalRequestRef() {
    return approvalRequestRef;
  }

  public void setApprovalRequestRef(ObjectReference approvalRequestRef) {
    this.approvalRequestRef = approvalRequestRef;
  }

  public List<ObjectReference> getNotificationRequestRefs() {
    return notificationRequestRefs;
  }

  public void setNotificationRequestRefs(List<ObjectReference> notificationRequestRefs) {
    this.notificationRequestRefs = notificationRequestRefs;
  }

  public List<NotificationDeliverySummary> getNotificationStatuses() {
    return notificationStatuses;
  }

  public void setNotificationStatuses(List<NotificationDeliverySummary> notificationStatuses) {
    this.notificationStatuses = notificationStatuses;
  }

  public SignalProcessingSummary getSignalProcessingStatus() {
    return signalProcessingStatus;
  }

  public void setSignalProcessingStatus(SignalProcessingSummary signalProcessingStatus) {
    this.signalProcessingStatus = signalProcessingStatus;
  }

  public AIAnalysisSummary getAiAnalysisStatus() {
    return aiAnalysisStatus;
  }

  public void setAiAnalysisStatus(AIAnalysisSummary aiAnalysisStatus) {
    this.aiAnalysisStatus = aiAnalysisStatus;
  }

  public WorkflowExecutionSummary getWorkflowExecutionStatus() {
    return workflowExecutionStatus;
  }

  public void setWorkflowExecutionStatus(WorkflowExecutionSummary workflowExecutionStatus) {
    this.workflowExecutionStatus = workflowExecutionStatus;
  }

  public Integer getStepsCompleted() {
    return stepsCompleted;
  }

  public void setStepsCompleted(Integer stepsCompleted) {
    this.stepsCompleted = stepsCompleted;
  }

  public Integer getStepsTotal() {
    return stepsTotal;
  }

  public void setStepsTotal(Integer stepsTotal) {
    this.stepsTotal = stepsTotal;
  }

  public Integer getOverallProgress() {
    return overallProgress;
  }

  public void setOverallProgress(Integer overallProgress) {
    this.overallProgress = overallProgress;
  }

  public Integer getRecoveryAttempts() {
    return recoveryAttempts;
  }

  public void setRecoveryAttempts(Integer recoveryAttempts) {
    this.recoveryAttempts = recoveryAttempts;
  }

  public Integer getMaxRecoveryAttempts() {
    return maxRecoveryAttempts;
  }

  public void setMaxRecoveryAttempts(Integer maxRecoveryAttempts) {
    this.maxRecoveryAttempts = maxRecoveryAttempts;
  }

  public String getLastFailureTime() {
    return lastFailureTime;
  }

  public void setLastFailureTime(String lastFailureTime) {
    this.lastFailureTime = lastFailureTime;
  }

  public String getRecoveryReason() {
    return recoveryReason;
  }

  public void setRecoveryReason(String recoveryReason) {
    this.recoveryReason = recoveryReason;
  }

  public Boolean getEscalatedToManualReview() {
    return escalatedToManualReview;
  }

  public void setEscalatedToManualReview(Boolean escalatedToManualReview) {
    this.escalatedToManualReview = escalatedToManualReview;
  }

  public String getFailurePhase() {
    return failurePhase;
  }

  public void setFailurePhase(String failurePhase) {
    this.failurePhase = failurePhase;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  public RemediationPhase getTimeoutPhase() {
    return timeoutPhase;
  }

  public void setTimeoutPhase(RemediationPhase timeoutPhase) {
    this.timeoutPhase = timeoutPhase;
  }

  public String getTimeoutTime() {
    return timeoutTime;
  }

  public void setTimeoutTime(String timeoutTime) {
    this.timeoutTime = timeoutTime;
  }

  public String getBlockReason() {
    return blockReason;
  }

  public void setBlockReason(String blockReason) {
    this.blockReason = blockReason;
  }

  public String getBlockedUntil() {
    return blockedUntil;
  }

  public void setBlockedUntil(String blockedUntil) {
    this.blockedUntil = blockedUntil;
  }

  public String getDuplicateOf() {
    return duplicateOf;
  }

  public void setDuplicateOf(String duplicateOf) {
    this.duplicateOf = duplicateOf;
  }

  public Integer getDuplicateCount() {
    return duplicateCount;
  }

  public void setDuplicateCount(Integer duplicateCount) {
    this.duplicateCount = duplicateCount;
  }

  public String getLastDuplicateTime() {
    return lastDuplicateTime;
  }

  public void setLastDuplicateTime(String lastDuplicateTime) {
    this.lastDuplicateTime = lastDuplicateTime;
  }

  public String getSkipReason() {
    return skipReason;
  }

  public void setSkipReason(String skipReason) {
    this.skipReason = skipReason;
  }

  public Boolean getApprovalNotificationSent() {
    return approvalNotificationSent;
  }

  public void setApprovalNotificationSent(Boolean approvalNotificationSent) {
    this.approvalNotificationSent = approvalNotificationSent;
  }

  public String getRetentionExpiryTime() {
    return retentionExpiryTime;
  }

  public void setRetentionExpiryTime(String retentionExpiryTime) {
    this.retentionExpiryTime = retentionExpiryTime;
  }

  public TemporalRef getTemporal() {
    return temporal;
  }

  public void setTemporal(TemporalRef temporal) {
    this.temporal = temporal;
  }

  public String getShortFingerprint() {
    return shortFingerprint;
  }

  public void setShortFingerprint(String shortFingerprint) {
    this.shortFingerprint = shortFingerprint;
  }

  public Long getStatusSequence() {
    return statusSequence;
  }

  public void setStatusSequence(Long statusSequence) {
    this.statusSequence = statusSequence;
  }

  public Long getStatusWorkflowTask() {
    return statusWorkflowTask;
  }

  public void setStatusWorkflowTask(Long statusWorkflowTask) {
    this.statusWorkflowTask = statusWorkflowTask;
  }

  public String getStatusRunId() {
    return statusRunId;
  }

  public void setStatusRunId(String statusRunId) {
    this.statusRunId = statusRunId;
  }

  public Deduplication getDeduplication() {
    return deduplication;
  }

  public void setDeduplication(Deduplication deduplication) {
    this.deduplication = deduplication;
  }
}
