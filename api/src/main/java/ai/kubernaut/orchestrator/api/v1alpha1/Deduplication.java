package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Gateway bookkeeping about repeated signals; informational only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class Deduplication {
  @JsonProperty("isDuplicate")
  private Boolean isDuplicate;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String firstSeen;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String lastSeen;

  private Integer occurrenceCount;

  @JsonPropertyDescription("Name of the earlier RemediationRequest for the same signal")
  private String previousRemediationRequestRef;

  public Boolean getIsDuplicate() {
    return isDuplicate;
  }

  public void setIsDuplicate(Boolean isDuplicate) {
    this.isDuplicate = isDuplicate;
  }

  public String getFirstSeen() {
    return firstSeen;
  }

  public void setFirstSeen(String firstSeen) {
    this.firstSeen = firstSeen;
  }

  public String getLastSeen() {
    return lastSeen;
  }

  public void setLastSeen(String lastSeen) {
    this.lastSeen = lastSeen;
  }

  public Integer getOccurrenceCount() {
    return occurrenceCount;
  }

  public void setOccurrenceCount(Integer occurrenceCount) {
    this.occurrenceCount = occurrenceCount;
  }

  public String getPreviousRemediationRequestRef() {
    return previousRemediationRequestRef;
  }

  public void setPreviousRemediationRequestRef(String previousRemediationRequestRef) {
    this.previousRemediationRequestRef = previousRemediationRequestRef;
  }
}
