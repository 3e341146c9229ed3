package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;

/** What a human is asked to approve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RemediationApprovalRequestSpec {
  private ObjectReference remediationRequestRef;

  private ObjectReference aiAnalysisRef;

  private Double confidence;

  private String reason;

  private SelectedWorkflow recommendedWorkflow;

  private String investigationSummary;

  @JsonPropertyDescription("Decision deadline, RFC 3339 timestamp")
  private String requiredBy;

  public ObjectReference getRemediationRequestRef() {
    return remediationRequestRef;
  }

  public void setRemediationRequestRef(ObjectReference remediationRequestRef) {
    this.remediationRequestRef = remediationRequestRef;
  }

  public ObjectReference getAiAnalysisRef() {
    return aiAnalysisRef;
  }

  public void setAiAnalysisRef(ObjectReference aiAnalysisRef) {
    this.aiAnalysisRef = aiAnalysisRef;
  }

  public Double getConfidence() {
    return confidence;
  }

  public void setConfidence(Double confidence) {
    this.confidence = confidence;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public SelectedWorkflow getRecommendedWorkflow() {
    return recommendedWorkflow;
  }

  public void setRecommendedWorkflow(SelectedWorkflow recommendedWorkflow) {
    this.recommendedWorkflow = recommendedWorkflow;
  }

  public String getInvestigationSummary() {
    return investigationSummary;
  }

  public void setInvestigationSummary(String investigationSummary) {
    this.investigationSummary = investigationSummary;
  }

  public String getRequiredBy() {
    return requiredBy;
  }

  public void setRequiredBy(String requiredBy) {
    this.requiredBy = requiredBy;
  }
}
