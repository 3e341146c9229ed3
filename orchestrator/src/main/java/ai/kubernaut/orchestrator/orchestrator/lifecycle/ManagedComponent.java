package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import java.time.Duration;
import java.util.List;

/**
 * A part of the service with a start and an orderly stop: the Temporal worker, the CRD bridge.
 * {@link OrchestratorApp} starts components in list order and stops them in reverse.
 */
public interface ManagedComponent {

  String name();

  /** Starts taking work; returns once started (long-running work goes on other threads). */
  void start() throws Exception;

  /**
   * Stops taking new work and waits up to {@code timeout} for work in flight. Called once, also
   * after a failed start.
   */
  void stop(Duration timeout) throws Exception;

  /** Conditions {@code /readyz} checks while this component runs (e.g. informers synced). */
  default List<ReadinessCheck> readinessChecks() {
    return List.of();
  }
}
