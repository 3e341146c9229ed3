package ai.kubernaut.orchestrator.kube;

import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defensive copies of the mutable beans passed from one resource into another. */
final class Copies {

  private Copies() {}

  static TargetResource target(TargetResource source) {
    if (source == null) {
      return null;
    }
    TargetResource copy = new TargetResource();
    copy.setKind(source.getKind());
    copy.setName(source.getName());
    copy.setNamespace(source.getNamespace());
    copy.setApiVersion(source.getApiVersion());
    return copy;
  }

  static Map<String, String> map(Map<String, String> source) {
    return source == null ? null : new LinkedHashMap<>(source);
  }

  static SelectedWorkflow workflow(SelectedWorkflow source) {
    if (source == null) {
      return null;
    }
    SelectedWorkflow copy = new SelectedWorkflow();
    copy.setWorkflowId(source.getWorkflowId());
    copy.setVersion(source.getVersion());
    copy.setExecutionBundle(source.getExecutionBundle());
    copy.setParameters(map(source.getParameters()));
    copy.setRationale(source.getRationale());
    return copy;
  }
}
