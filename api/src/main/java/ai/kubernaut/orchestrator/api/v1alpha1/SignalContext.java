package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The signal and its enrichment as AIAnalysis receives it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SignalContext {
  private String fingerprint;

  private String signalName;

  private String severity;

  private String environment;

  private String priority;

  private TargetResource targetResource;

  private EnrichmentSummary enrichment;

  public String getFingerprint() {
    return fingerprint;
  }

  public void setFingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  public String getSignalName() {
    return signalName;
  }

  public void setSignalName(String signalName) {
    this.signalName = signalName;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public TargetResource getTargetResource() {
    return targetResource;
  }

  public void setTargetResource(TargetResource targetResource) {
    this.targetResource = targetResource;
  }

  public EnrichmentSummary getEnrichment() {
    return enrichment;
  }

  public void setEnrichment(EnrichmentSummary enrichment) {
    this.enrichment = enrichment;
  }
}
