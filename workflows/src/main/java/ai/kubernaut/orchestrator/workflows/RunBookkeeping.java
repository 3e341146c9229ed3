package ai.kubernaut.orchestrator.workflows;

/**
 * This run's own counts and the versions of its rules: which run of the remediation it is, the
 * transitions made and the history length when it first waited (for the continue-as-new threshold
 * of {@link WakeLoop}), and the {@code getVersion} flags {@link RemediationWorkflowImpl} reads.
 */
final class RunBookkeeping {
  private int runs = 1;
  private int transitionsThisRun;

  /** The history length when this run first waited (its own events are counted from there). */
  private long baseline;

  /** Continue-as-new follows the server's suggestion in any phase (version of the run's rule). */
  private boolean continueInAnyPhase;

  /** NotificationRequest deliveries are tracked (version of the run's rule). */
  private boolean trackNotifications;

  /**
   * Validation and status writes run as local activities, and an ending releases and notifies in
   * parallel (version of the run's rule).
   */
  private boolean localWrites;

  int runs() {
    return runs;
  }

  int transitions() {
    return transitionsThisRun;
  }

  void transitioned() {
    transitionsThisRun++;
  }

  long baseline() {
    return baseline;
  }

  /** Taken once, when the run first waits. */
  void firstWait(long historyLength) {
    if (baseline == 0) {
      baseline = historyLength;
    }
  }

  boolean continueInAnyPhase() {
    return continueInAnyPhase;
  }

  boolean trackNotifications() {
    return trackNotifications;
  }

  boolean localWrites() {
    return localWrites;
  }

  void rules(boolean continueInAnyPhase, boolean trackNotifications, boolean localWrites) {
    this.continueInAnyPhase = continueInAnyPhase;
    this.trackNotifications = trackNotifications;
    this.localWrites = localWrites;
  }

  /** The run continued from run {@code previous}. */
  void continuedFrom(int previous) {
    runs = previous + 1;
  }
}
