package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;

/** What {@code run} does: start the production wiring and block until a signal stops it. */
public final class OrchestratorLauncher {

  private OrchestratorLauncher() {}

  public static int runUntilStopped(OrchestratorConfig config) throws Exception {
    return runUntilStopped(new OrchestratorApp(config, new ProductionWiring()));
  }

  public static int runUntilStopped(OrchestratorApp app) throws Exception {
    ShutdownSignals.install(app::stop);
    app.start();
    app.awaitTermination();
    return ExitCodes.OK;
  }
}
