package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What the RemediationRequest shows of its latest AIAnalysis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AIAnalysisSummary {
  private AIAnalysisPhase phase;

  private String reason;

  private Double confidence;

  private String rootCause;

  private String selectedWorkflowId;

  private Boolean approvalRequired;

  private String message;

  public AIAnalysisPhase getPhase() {
    return phase;
  }

  public void setPhase(AIAnalysisPhase phase) {
    this.phase = phase;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Double getConfidence() {
    return confidence;
  }

  public void setConfidence(Double confidence) {
    this.confidence = confidence;
  }

  public String getRootCause() {
    return rootCause;
  }

  public void setRootCause(String rootCause) {
    this.rootCause = rootCause;
  }

  public String getSelectedWorkflowId() {
    return selectedWorkflowId;
  }

  public void setSelectedWorkflowId(String selectedWorkflowId) {
    this.selectedWorkflowId = selectedWorkflowId;
  }

  public Boolean getApprovalRequired() {
    return approvalRequired;
  }

  public void setApprovalRequired(Boolean approvalRequired) {
    this.approvalRequired = approvalRequired;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
