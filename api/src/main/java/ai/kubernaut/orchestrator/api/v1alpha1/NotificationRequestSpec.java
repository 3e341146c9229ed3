package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Map;

/** A notification to deliver. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class NotificationRequestSpec {
  @Required private NotificationType type;

  @Required private NotificationPriority priority;

  @Required private String subject;

  private String body;

  private ObjectReference remediationRequestRef;

  private Map<String, String> metadata;

  @JsonPropertyDescription(
      "Delivery channels; empty means the notification controller's routing decides")
  private List<String> channels;

  public NotificationType getType() {
    return type;
  }

  public void setType(NotificationType type) {
    this.type = type;
  }

  public NotificationPriority getPriority() {
    return priority;
  }

  public void setPriority(NotificationPriority priority) {
    this.priority = priority;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public ObjectReference getRemediationRequestRef() {
    return remediationRequestRef;
  }

  public void setRemediationRequestRef(ObjectReference remediationRequestRef) {
    this.remediationRequestRef = remediationRequestRef;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  public List<String> getChannels() {
    return channels;
  }

  public void setChannels(List<String> channels) {
    this.channels = channels;
  }
}
