package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;

/** What the orchestrator asks AIAnalysis to investigate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AIAnalysisSpec {
  private ObjectReference remediationRequestRef;

  private SignalContext signalContext;

  private List<String> analysisTypes;

  @JsonProperty("isRecoveryAttempt")
  private Boolean isRecoveryAttempt;

  private Integer recoveryAttemptNumber;

  private ObjectReference failedWorkflowRef;

  private Integer failedStep;

  private String failureReason;

  @JsonProperty("previousAIAnalysisRefs")
  private List<ObjectReference> previousAIAnalysisRefs;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String timesOutAt;

  public ObjectReference getRemediationRequestRef() {
    return remediationRequestRef;
  }

  public void setRemediationRequestRef(ObjectReference remediationRequestRef) {
    this.remediationRequestRef = remediationRequestRef;
  }

  public SignalContext getSignalContext() {
    return signalContext;
  }

  public void setSignalContext(SignalContext signalContext) {
    this.signalContext = signalContext;
  }

  public List<String> getAnalysisTypes() {
    return analysisTypes;
  }

  public void setAnalysisTypes(List<String> analysisTypes) {
    this.analysisTypes = analysisTypes;
  }

  public Boolean getIsRecoveryAttempt() {
    return isRecoveryAttempt;
  }

  public void setIsRecoveryAttempt(Boolean isRecoveryAttempt) {
    this.isRecoveryAttempt = isRecoveryAttempt;
  }

  public Integer getRecoveryAttemptNumber() {
    return recoveryAttemptNumber;
  }

  public void setRecoveryAttemptNumber(Integer recoveryAttemptNumber) {
    this.recoveryAttemptNumber = recoveryAttemptNumber;
  }

  public ObjectReference getFailedWorkflowRef() {
    return failedWorkflowRef;
  }

  public void setFailedWorkflowRef(ObjectReference failedWorkflowRef) {
    this.failedWorkflowRef = failedWorkflowRef;
  }

  public Integer getFailedStep() {
    return failedStep;
  }

  public void setFailedStep(Integer failedStep) {
    this.failedStep = failedStep;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  public List<ObjectReference> getPreviousAIAnalysisRefs() {
    return previousAIAnalysisRefs;
  }

  public void setPreviousAIAnalysisRefs(List<ObjectReference> previousAIAnalysisRefs) {
    this.previousAIAnalysisRefs = previousAIAnalysisRefs;
  }

  public String getTimesOutAt() {
    return timesOutAt;
  }

  public void setTimesOutAt(String timesOutAt) {
    this.timesOutAt = timesOutAt;
  }
}
