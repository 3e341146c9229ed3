package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** The signal as SignalProcessing receives it from the orchestrator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SignalData {
  private String fingerprint;

  private String name;

  private String severity;

  private String type;

  private String source;

  private TargetType targetType;

  private TargetResource targetResource;

  @JsonProperty("clusterID")
  private String clusterID;

  private Map<String, String> labels;

  private Map<String, String> annotations;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String firingTime;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String receivedTime;

  @JsonPropertyDescription("Raw provider JSON")
  private String providerData;

  public String getFingerprint() {
    return fingerprint;
  }

  public void setFingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public TargetType getTargetType() {
    return targetType;
  }

  public void setTargetType(TargetType targetType) {
    this.targetType = targetType;
  }

  public TargetResource getTargetResource() {
    return targetResource;
  }

  public void setTargetResource(TargetResource targetResource) {
    this.targetResource = targetResource;
  }

  public String getClusterID() {
    return clusterID;
  }

  public void setClusterID(String clusterID) {
    this.clusterID = clusterID;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public String getFiringTime() {
    return firingTime;
  }

  public void setFiringTime(String firingTime) {
    this.firingTime = firingTime;
  }

  public String getReceivedTime() {
    return receivedTime;
  }

  public void setReceivedTime(String receivedTime) {
    this.receivedTime = receivedTime;
  }

  public String getProviderData() {
    return providerData;
  }

  public void setProviderData(String providerData) {
    this.providerData = providerData;
  }
}
