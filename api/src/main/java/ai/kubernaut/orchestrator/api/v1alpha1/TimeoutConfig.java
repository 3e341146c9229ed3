package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Per-phase and global time budgets as Go duration strings (for example {@code 5m}, {@code 1h30m}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TimeoutConfig {
  @JsonPropertyDescription("SignalProcessing budget, default 5m")
  private String processing;

  @JsonPropertyDescription("AIAnalysis budget, default 10m")
  private String analyzing;

  @JsonPropertyDescription("Approval budget, default 15m")
  private String awaitingApproval;

  @JsonPropertyDescription("WorkflowExecution budget, default 30m")
  private String executing;

  @JsonPropertyDescription("Recovery analysis budget, default 10m")
  private String recovering;

  @JsonPropertyDescription("Whole remediation budget from startTime, default 1h")
  private String global;

  public String getProcessing() {
    return processing;
  }

  public void setProcessing(String processing) {
    this.processing = processing;
  }

  public String getAnalyzing() {
    return analyzing;
  }

  public void setAnalyzing(String analyzing) {
    this.analyzing = analyzing;
  }

  public String getAwaitingApproval() {
    return awaitingApproval;
  }

  public void setAwaitingApproval(String awaitingApproval) {
    this.awaitingApproval = awaitingApproval;
  }

  public String getExecuting() {
    return executing;
  }

  public void setExecuting(String executing) {
    this.executing = executing;
  }

  public String getRecovering() {
    return recovering;
  }

  public void setRecovering(String recovering) {
    this.recovering = recovering;
  }

  public String getGlobal() {
    return global;
  }

  public void setGlobal(String global) {
    this.global = global;
  }
}
