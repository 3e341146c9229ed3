package ai.kubernaut.orchestrator.workflows.model;

/** Remediations that ended Failed or TimedOut vs all that ended in the window, cluster-wide. */
public record TerminationRate(long failed, long attempted) {

  public double ratio() {
    return attempted == 0 ? 0.0 : (double) failed / attempted;
  }
}
