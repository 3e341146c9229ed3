package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.mockwebserver.http.MockResponse;

/** A write the stand-in refuses, as a real API server would; carries the error to answer. */
final class RejectedWriteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;

  RejectedWriteException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  MockResponse toResponse() {
    return StatusResponses.failure(code, getMessage());
  }
}
