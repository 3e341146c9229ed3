package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Map;

/** The remediation workflow the orchestrator asks to run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkflowExecutionSpec {
  private ObjectReference remediationRequestRef;

  private WorkflowRef workflowRef;

  private TargetResource targetResource;

  private Map<String, String> parameters;

  private Double confidence;

  private String rationale;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String timesOutAt;

  public ObjectReference getRemediationRequestRef() {
    return remediationRequestRef;
  }

  public void setRemediationRequestRef(ObjectReference remediationRequestRef) {
    this.remediationRequestRef = remediationRequestRef;
  }

  public WorkflowRef getWorkflowRef() {
    return workflowRef;
  }

  public void setWorkflowRef(WorkflowRef workflowRef) {
    this.workflowRef = workflowRef;
  }

  public TargetResource getTargetResource() {
    return targetResource;
  }

  public void setTargetResource(TargetResource targetResource) {
    this.targetResource = targetResource;
  }

  public Map<String, String> getParameters() {
    return parameters;
  }

  public void setParameters(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  public Double getConfidence() {
    return confidence;
  }

  public void setConfidence(Double confidence) {
    this.confidence = confidence;
  }

  public String getRationale() {
    return rationale;
  }

  public void setRationale(String rationale) {
    this.rationale = rationale;
  }

  public String getTimesOutAt() {
    return timesOutAt;
  }

  public void setTimesOutAt(String timesOutAt) {
    this.timesOutAt = timesOutAt;
  }
}
