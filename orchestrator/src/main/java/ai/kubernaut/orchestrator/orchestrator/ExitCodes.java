package ai.kubernaut.orchestrator.orchestrator;

/** Process exit codes of every command. */
public final class ExitCodes {
  /** Ran and stopped cleanly (including on SIGTERM). */
  public static final int OK = 0;

  /** Failed while running: Temporal or Kubernetes unreachable, a component failed to start. */
  public static final int RUNTIME_FAILURE = 1;

  /** Bad command line or configuration; nothing was started. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
