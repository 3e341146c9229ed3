package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What the RemediationRequest shows of its latest WorkflowExecution. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkflowExecutionSummary {
  private WorkflowExecutionPhase phase;

  private Integer stepsCompleted;

  private Integer totalSteps;

  private Integer failedStep;

  private String failureReason;

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

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
