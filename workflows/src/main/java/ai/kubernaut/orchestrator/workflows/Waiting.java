package ai.kubernaut.orchestrator.workflows;

import ai.kubernaut.orchestrator.workflows.model.RemediationState.CurrentChild;

/**
 * What the run waits for: a description, the current child and the operator retries so far. Set by
 * {@link Transitions}, {@link OperatorUpdates} (retry), {@link RoutingSteps} (Blocked has no
 * child), {@link NotificationDelivery} and {@link Terminal}.
 */
final class Waiting {
  private String waitingFor;
  private CurrentChild current;
  private int retries;

  String waitingFor() {
    return waitingFor;
  }

  CurrentChild current() {
    return current;
  }

  int retries() {
    return retries;
  }

  void waitFor(String what) {
    waitingFor = what;
  }

  void child(CurrentChild child) {
    current = child;
  }

  void noChild() {
    current = null;
  }

  /** An operator retry replaced the current child with {@code child}. */
  void retried(CurrentChild child, String what) {
    current = child;
    retries++;
    waitingFor = what;
  }

  /** The end: nothing more to wait for. */
  void ended() {
    waitingFor = null;
    current = null;
  }

  void restore(String what, CurrentChild child, int retriesSoFar) {
    waitingFor = what;
    current = child;
    retries = retriesSoFar;
  }
}
