package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionSpec;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowRef;
import java.time.Instant;
import java.util.Map;

/**
 * The desired WorkflowExecution: the AIAnalysis's selected workflow, parameters, confidence and
 * rationale, run against the RR's target. The attempt number (1 = initial) is an annotation: the
 * spec has no field for it.
 */
public final class WorkflowExecutionFactory {

  private WorkflowExecutionFactory() {}

  /**
   * @throws IllegalArgumentException when the analysis selected no workflow (nothing to run)
   */
  public static WorkflowExecution desired(
      RemediationRequest rr, String name, AIAnalysis ai, int attemptNumber, Instant timesOutAt) {
    SelectedWorkflow selected =
        ai.getStatus() == null ? null : ai.getStatus().getSelectedWorkflow();
    if (selected == null
        || selected.getWorkflowId() == null
        || selected.getWorkflowId().isBlank()) {
      throw new IllegalArgumentException(
          "AIAnalysis "
              + ai.getMetadata().getName()
              + " has no status.selectedWorkflow to execute");
    }
    WorkflowRef ref = new WorkflowRef();
    ref.setWorkflowId(selected.getWorkflowId());
    ref.setVersion(selected.getVersion());
    ref.setExecutionBundle(selected.getExecutionBundle());

    WorkflowExecutionSpec spec = new WorkflowExecutionSpec();
    spec.setRemediationRequestRef(ChildMetadata.rrRef(rr));
    spec.setWorkflowRef(ref);
    spec.setTargetResource(Copies.target(rr.getSpec().getTargetResource()));
    spec.setParameters(Copies.map(selected.getParameters()));
    spec.setConfidence(ai.getStatus().getConfidence());
    spec.setRationale(selected.getRationale());
    spec.setTimesOutAt(ChildMetadata.rfc3339(timesOutAt));

    WorkflowExecution we = new WorkflowExecution();
    we.setMetadata(ChildMetadata.ownedMeta(rr, name));
    we.getMetadata()
        .setAnnotations(
            new java.util.HashMap<>(
                Map.of(ChildMetadata.ATTEMPT_ANNOTATION, Integer.toString(attemptNumber))));
    we.setSpec(spec);
    return we;
  }
}
