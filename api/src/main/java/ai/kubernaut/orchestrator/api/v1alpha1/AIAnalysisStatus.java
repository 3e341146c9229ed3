package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Root cause and chosen workflow of an AIAnalysis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AIAnalysisStatus {
  private AIAnalysisPhase phase;

  @JsonPropertyDescription("For example WorkflowNotNeeded")
  private String reason;

  private Double confidence;

  private String rootCause;

  private SelectedWorkflow selectedWorkflow;

  private List<Recommendation> recommendations;

  private Boolean approvalRequired;

  private String approvalReason;

  private ApprovalContext approvalContext;

  private Boolean needsHumanReview;

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

  public SelectedWorkflow getSelectedWorkflow() {
    return selectedWorkflow;
  }

  public void setSelectedWorkflow(SelectedWorkflow selectedWorkflow) {
    this.selectedWorkflow = selectedWorkflow;
  }

  public List<Recommendation> getRecommendations() {
    return recommendations;
  }

  public void setRecommendations(List<Recommendation> recommendations) {
    this.recommendations = recommendations;
  }

  public Boolean getApprovalRequired() {
    return approvalRequired;
  }

  public void setApprovalRequired(Boolean approvalRequired) {
    this.approvalRequired = approvalRequired;
  }

  public String getApprovalReason() {
    return approvalReason;
  }

  public void setApprovalReason(String approvalReason) {
    this.approvalReason = approvalReason;
  }

  public ApprovalContext getApprovalContext() {
    return approvalContext;
  }

  public void setApprovalContext(ApprovalContext approvalContext) {
    this.approvalContext = approvalContext;
  }

  public Boolean getNeedsHumanReview() {
    return needsHumanReview;
  }

  public void setNeedsHumanReview(Boolean needsHumanReview) {
    this.needsHumanReview = needsHumanReview;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
