package ai.kubernaut.orchestrator.orchestrator.cli;

/**
 * What a command does with its validated configuration. The commands stay thin: they build the
 * config and hand it over; tests swap the runner to check parsing without starting anything.
 */
@FunctionalInterface
public interface ServiceRunner<C> {
  /** Runs until stopped; returns the process exit code. */
  int run(C config) throws Exception;
}
