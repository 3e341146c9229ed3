package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What a human needs to decide on an approval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApprovalContext {
  private String reason;

  private Double confidenceLevel;

  private String investigationSummary;

  private String whyApprovalRequired;

  private List<String> evidence;

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Double getConfidenceLevel() {
    return confidenceLevel;
  }

  public void setConfidenceLevel(Double confidenceLevel) {
    this.confidenceLevel = confidenceLevel;
  }

  public String getInvestigationSummary() {
    return investigationSummary;
  }

  public void setInvestigationSummary(String investigationSummary) {
    this.investigationSummary = investigationSummary;
  }

  public String getWhyApprovalRequired() {
    return whyApprovalRequired;
  }

  public void setWhyApprovalRequired(String whyApprovalRequired) {
    this.whyApprovalRequired = whyApprovalRequired;
  }

  public List<String> getEvidence() {
    return evidence;
  }

  public void setEvidence(List<String> evidence) {
    this.evidence = evidence;
  }
}
