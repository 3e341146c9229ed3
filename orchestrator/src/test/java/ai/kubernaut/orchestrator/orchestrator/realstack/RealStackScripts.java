package ai.kubernaut.orchestrator.orchestrator.realstack;

import ai.kubernaut.orchestrator.orchestrator.deploy.DeployManifests;
import java.nio.file.Path;

/** Where the project's {@code realstack/} scripts are, seen from a test. */
public final class RealStackScripts {

  private RealStackScripts() {}

  public static Path root() {
    return DeployManifests.repoRoot();
  }

  public static Path path(String script) {
    return root().resolve("realstack").resolve(script);
  }
}
