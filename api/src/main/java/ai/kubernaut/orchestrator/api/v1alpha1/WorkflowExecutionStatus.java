package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Progress and result of a WorkflowExecution. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkflowExecutionStatus {
  private WorkflowExecutionPhase phase;

  private Integer stepsCompleted;

  private Integer totalSteps;

  private Integer failedStep;

  private String failedAction;

  private String failureReason;

  private String errorType;

  @JsonPropertyDescription("ResourceBusy or RecentlyRemediated when phase is Skipped")
  private String skipReason;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String completionTime;

  private String message;

  public WorkflowExecutionPhase getPhase() {
    return phase;
  }

  public void setPhase(WorkflowExecutionPhase phase) {
    this.phase = phase;
  }

  public Integer getStepsCompleted() {
    return stepsCompleted;
  }

  public void setStepsCompleted(Integer stepsCompleted) {
    this.stepsCompleted = stepsCompleted;
  }

  public Integer getTotalSteps() {
    return totalSteps;
  }

  public void setTotalSteps(Integer totalSteps) {
    this.totalSteps = totalSteps;
  }

  public Integer getFailedStep() {
    return failedStep;
  }

  public void setFailedStep(Integer failedStep) {
    this.failedStep = failedStep;
  }

  public String getFailedAction() {
    return failedAction;
  }

  public void setFailedAction(String failedAction) {
    this.failedAction = failedAction;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  public String getErrorType() {
    return errorType;
  }

  public void setErrorType(String errorType) {
    this.errorType = errorType;
  }

  public String getSkipReason() {
    return skipReason;
  }

  public void setSkipReason(String skipReason) {
    this.skipReason = skipReason;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
