package ai.kubernaut.orchestrator.harness.cli;

import ai.kubernaut.orchestrator.harness.SandboxMain;
import ai.kubernaut.orchestrator.orchestrator.cli.ConfigurationDoc;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code sandbox} table of docs/configuration.md is the sandbox command's options. */
class SandboxConfigurationDocTest {

  private static final String REGENERATE =
      "./mvnw -B -pl harness -am test -Dtest=SandboxConfigurationDocTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dkubernaut.docs.regenerate=true";

  @Test
  void configurationDocMatchesTheSandboxCommand() throws IOException {
    ConfigurationDoc.assertUpToDate(
        List.of(
            SandboxMain.commandLine(CommandLine.defaultFactory())
                .getSubcommands()
                .get("sandbox")
                .getCommandSpec()),
        REGENERATE);
  }
}
