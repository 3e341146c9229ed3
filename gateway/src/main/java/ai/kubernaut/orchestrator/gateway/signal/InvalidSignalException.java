package ai.kubernaut.orchestrator.gateway.signal;

import java.util.Objects;

/**
 * A payload the Gateway turns away: {@link #reason()} is a short stable code (the {@code reason}
 * tag of the rejected metric and of the JSON error body), the message names what is wrong.
 */
public final class InvalidSignalException extends RuntimeException {

  private final String reason;

  public InvalidSignalException(String reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String reason() {
    return reason;
  }
}
