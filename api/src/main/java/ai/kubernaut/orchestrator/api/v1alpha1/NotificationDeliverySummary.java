package ai.kubernaut.orchestrator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the notification controller last reported for one NotificationRequest of the RR. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class NotificationDeliverySummary {
  private String name;

  private NotificationType type;

  @JsonPropertyDescription("The NotificationRequest's status.phase; absent until it reports")
  private NotificationPhase phase;

  private String message;

  @JsonPropertyDescription("The failed NotificationRequest this one sends again")
  private String retryOf;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public NotificationType getType() {
    return type;
  }

  public void setType(NotificationType type) {
    this.type = type;
  }

  public NotificationPhase getPhase() {
    return phase;
  }

  public void setPhase(NotificationPhase phase) {
    this.phase = phase;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getRetryOf() {
    return retryOf;
  }

  public void setRetryOf(String retryOf) {
    this.retryOf = retryOf;
  }
}
