package ai.kubernaut.orchestrator.workflows;

/** The RR is gone (deleted, status write answered GONE): nothing more can be written. */
final class RemediationGone extends RuntimeException {
  RemediationGone(String message) {
    super(message, null, false, false);
  }
}
