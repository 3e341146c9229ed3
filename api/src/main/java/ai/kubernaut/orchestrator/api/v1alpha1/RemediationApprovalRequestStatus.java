package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The approval decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RemediationApprovalRequestStatus {
  private ApprovalDecision decision;

  private String decidedBy;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String decidedAt;

  private String decisionMessage;

  @JsonPropertyDescription("How the decision arrived, for example temporal or kubectl")
  private String decidedVia;

  public ApprovalDecision getDecision() {
    return decision;
  }

  public void setDecision(ApprovalDecision decision) {
    this.decision = decision;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public void setDecidedBy(String decidedBy) {
    this.decidedBy = decidedBy;
  }

  public String getDecidedAt() {
    return decidedAt;
  }

  public void setDecidedAt(String decidedAt) {
    this.decidedAt = decidedAt;
  }

  public String getDecisionMessage() {
    return decisionMessage;
  }

  public void setDecisionMessage(String decisionMessage) {
    this.decisionMessage = decisionMessage;
  }

  public String getDecidedVia() {
    return decidedVia;
  }

  public void setDecidedVia(String decidedVia) {
    this.decidedVia = decidedVia;
  }
}
