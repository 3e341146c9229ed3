package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A reference to a WorkflowExecution plus how that attempt ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkflowExecutionRef {
  private String apiVersion;

  private String kind;

  private String name;

  private String namespace;

  private String uid;

  @JsonPropertyDescription("Terminal phase of the execution once known")
  private WorkflowExecutionPhase outcome;

  @JsonPropertyDescription("1 for the initial execution, n + 1 for recovery attempt n")
  private Integer attemptNumber;

  private Integer failedStep;

  private String failureReason;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String completionTime;

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public WorkflowExecutionPhase getOutcome() {
    return outcome;
  }

  public void setOutcome(WorkflowExecutionPhase outcome) {
    this.outcome = outcome;
  }

  public Integer getAttemptNumber() {
    return attemptNumber;
  }

  public void setAttemptNumber(Integer attemptNumber) {
    this.attemptNumber = attemptNumber;
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

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }
}
