package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;

/** What the orchestrator asks SignalProcessing to enrich. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SignalProcessingSpec {
  private ObjectReference remediationRequestRef;

  private SignalData signal;

  @JsonPropertyDescription("RFC 3339 timestamp")
  private String timesOutAt;

  public ObjectReference getRemediationRequestRef() {
    return remediationRequestRef;
  }

  public void setRemediationRequestRef(ObjectReference remediationRequestRef) {
    this.remediationRequestRef = remediationRequestRef;
  }

  public SignalData getSignal() {
    return signal;
  }

  public void setSignal(SignalData signal) {
    this.signal = signal;
  }

  public String getTimesOutAt() {
    return timesOutAt;
  }

  public void setTimesOutAt(String timesOutAt) {
    this.timesOutAt = timesOutAt;
  }
}
