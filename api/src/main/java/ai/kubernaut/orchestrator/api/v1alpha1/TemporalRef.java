package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the durable workflow driving a remediation lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TemporalRef {
  private String workflowId;

  private String runId;

  @JsonProperty("uiURL")
  @JsonPropertyDescription(
      "Link to the workflow in the Temporal Web UI, when a UI base URL is configured")
  private String uiURL;

  public String getWorkflowId() {
    return workflowId;
  }

  public void setWorkflowId(String workflowId) {
    this.workflowId = workflowId;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getUiURL() {
    return uiURL;
  }

  public void setUiURL(String uiURL) {
    this.uiURL = uiURL;
  }
}
