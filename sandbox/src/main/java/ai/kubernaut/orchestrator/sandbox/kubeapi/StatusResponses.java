package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/** Builds {@code meta.k8s.io/v1 Status} error responses the way a real API server shapes them. */
public final class StatusResponses {

  private StatusResponses() {}

  /** A JSON response with the given code and body. */
  public static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** A failure {@code Status} with the reason Kubernetes uses for the code. */
  public static MockResponse failure(int code, String message) {
    return failure(code, reasonFor(code), message);
  }

  /** A failure {@code Status} with an explicit reason. */
  public static MockResponse failure(int code, String reason, String message) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(code)
            .withReason(reason)
            .withMessage(message)
            .withNewMetadata()
            .endMetadata()
            .build();
    return json(code, Serialization.asJson(status));
  }

  /** The {@code StatusReason} a real API server uses for an HTTP code. */
  public static String reasonFor(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "Unknown";
    };
  }
}
