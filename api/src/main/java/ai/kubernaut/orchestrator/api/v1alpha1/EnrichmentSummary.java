package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** Cluster context SignalProcessing gathered for a signal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class EnrichmentSummary {
  private Map<String, String> namespaceLabels;

  private Map<String, String> workloadLabels;

  @JsonPropertyDescription("Owners of the target, nearest first, as kind/name")
  private List<String> ownerChain;

  private String summary;

  public Map<String, String> getNamespaceLabels() {
    return namespaceLabels;
  }

  public void setNamespaceLabels(Map<String, String> namespaceLabels) {
    this.namespaceLabels = namespaceLabels;
  }

  public Map<String, String> getWorkloadLabels() {
    return workloadLabels;
  }

  public void setWorkloadLabels(Map<String, String> workloadLabels) {
    this.workloadLabels = workloadLabels;
  }

  public List<String> getOwnerChain() {
    return ownerChain;
  }

  public void setOwnerChain(List<String> ownerChain) {
    this.ownerChain = ownerChain;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
