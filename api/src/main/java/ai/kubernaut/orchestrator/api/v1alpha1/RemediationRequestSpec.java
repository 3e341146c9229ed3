package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** What the Gateway asks to remediate; immutable once created. */
@ValidationRule(value = "self == oldSelf", message = "spec is immutable")
@ValidationRule(
    value = "has(self.targetResource) || (has(self.targetType) && self.targetType != 'kubernetes')",
    message = "targetResource is required when targetType is kubernetes",
    fieldPath = ".targetResource",
    reason = "FieldValueRequired")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RemediationRequestSpec {
  /** How many leading fingerprint characters {@code status.shortFingerprint} keeps. */
  public static final int SHORT_FINGERPRINT_LENGTH = 12;

  @JsonPropertyDescription("SHA-256 of the signal identity, 64 lowercase hex characters")
  @Required
  @Pattern("^[a-f0-9]{64}$")
  private String signalFingerprint;

  @Required
  @Size(min = 1, max = 253)
  private String signalName;

  @JsonPropertyDescription("Raw provider severity, for example critical, warning or info")
  @Required
  @Size(min = 1)
  private String severity;

  private String signalType;

  private String signalSource;

  @JsonPropertyDescription("Where the target lives, default kubernetes")
  @Default("kubernetes")
  private TargetType targetType;

  @JsonPropertyDescription("Required when targetType is kubernetes")
  private TargetResource targetResource;

  @JsonProperty("clusterID")
  @JsonPropertyDescription("Empty means the local cluster")
  private String clusterID;

  @JsonPropertyDescription(
      "For example prod, staging or dev; taken from SignalProcessing when absent")
  private String environment;

  @JsonPropertyDescription("P0 to P3; taken from SignalProcessing when absent")
  private String priority;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String firingTime;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String receivedTime;

  private Map<String, String> signalLabels;

  private Map<String, String> signalAnnotations;

  @JsonPropertyDescription("Raw provider JSON")
  private String providerData;

  @JsonPropertyDescription("The signal as received, at most 256 KiB")
  private String originalPayload;

  private Deduplication deduplication;

  @JsonProperty("isStorm")
  private Boolean isStorm;

  private String stormType;

  @JsonPropertyDescription("Go duration")
  private String stormWindow;

  private Integer stormAlertCount;

  private TimeoutConfig timeoutConfig;

  private RecoveryConfig recoveryConfig;

  public String getSignalFingerprint() {
    return signalFingerprint;
  }

  public void setSignalFingerprint(String signalFingerprint) {
    this.signalFingerprint = signalFingerprint;
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

  public String getSignalType() {
    return signalType;
  }

  public void setSignalType(String signalType) {
    this.signalType = signalType;
  }

  public String getSignalSource() {
    return signalSource;
  }

  public void setSignalSource(String signalSource) {
    this.signalSource = signalSource;
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

  public Map<String, String> getSignalLabels() {
    return signalLabels;
  }

  public void setSignalLabels(Map<String, String> signalLabels) {
    this.signalLabels = signalLabels;
  }

  public Map<String, String> getSignalAnnotations() {
    return signalAnnotations;
  }

  public void setSignalAnnotations(Map<String, String> signalAnnotations) {
    this.signalAnnotations = signalAnnotations;
  }

  public String getProviderData() {
    return providerData;
  }

  public void setProviderData(String providerData) {
    this.providerData = providerData;
  }

  public String getOriginalPayload() {
    return originalPayload;
  }

  public void setOriginalPayload(String originalPayload) {
    this.originalPayload = originalPayload;
  }

  public Deduplication getDeduplication() {
    return deduplication;
  }

  public void setDeduplication(Deduplication deduplication) {
    this.deduplication = deduplication;
  }

  public Boolean getIsStorm() {
    return isStorm;
  }

  public void setIsStorm(Boolean isStorm) {
    this.isStorm = isStorm;
  }

  public String getStormType() {
    return stormType;
  }

  public void setStormType(String stormType) {
    this.stormType = stormType;
  }

  public String getStormWindow() {
    return stormWindow;
  }

  public void setStormWindow(String stormWindow) {
    this.stormWindow = stormWindow;
  }

  public Integer getStormAlertCount() {
    return stormAlertCount;
  }

  public void setStormAlertCount(Integer stormAlertCount) {
    this.stormAlertCount = stormAlertCount;
  }

  public TimeoutConfig getTimeoutConfig() {
    return timeoutConfig;
  }

  public void setTimeoutConfig(TimeoutConfig timeoutConfig) {
    this.timeoutConfig = timeoutConfig;
  }

  public RecoveryConfig getRecoveryConfig() {
    return recoveryConfig;
  }

  public void setRecoveryConfig(RecoveryConfig recoveryConfig) {
    this.recoveryConfig = recoveryConfig;
  }

  /**
   * The first {@value #SHORT_FINGERPRINT_LENGTH} characters of the fingerprint (all of it when
   * shorter), as {@code status.shortFingerprint} shows it; null when there is none.
   */
  public String shortFingerprint() {
    return signalFingerprint == null
        ? null
        : signalFingerprint.substring(
            0, Math.min(SHORT_FINGERPRINT_LENGTH, signalFingerprint.length()));
  }

  /** The target type, with the default applied when the field is absent. */
  public TargetType effectiveTargetType() {
    return targetType == null ? TargetType.KUBERNETES : targetType;
  }
}
