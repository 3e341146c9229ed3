package ai.kubernaut.orchestrator.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.Main;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * docs/configuration.md holds a table per command rendered from the picocli model; this test fails
 * when the service's ({@code run}, {@code gateway}) differ. Regenerate with {@code
 * -Dkubernaut.docs.regenerate=true}; the sandbox's table is the harness module's.
 */
class ConfigurationDocTest {

  private static final String REGENERATE =
      "./mvnw -B -pl orchestrator -am test -Dtest=ConfigurationDocTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dkubernaut.docs.regenerate=true";

  @Test
  void configurationDocMatchesTheCliDefinitions() throws IOException {
    ConfigurationDoc.assertUpToDate(List.of(spec("run"), spec("gateway")), REGENERATE);
  }

  @Test
  void tableListsEveryOptionWithItsEnvironmentVariableAndDefault() {
    String table = ConfigurationReference.table(spec("run"));

    assertThat(table)
        .contains("| `--processing-timeout <duration>` | `KUBERNAUT_PROCESSING_TIMEOUT` | `5m` |")
        .contains("| `--temporal-address <host:port>` | `TEMPORAL_ADDRESS` | `localhost:7233` |")
        .contains("| `--[no-]leader-election` | `KUBERNAUT_LEADER_ELECTION` | `true` |")
        .contains("| `--temporal-api-key <key>` | `TEMPORAL_API_KEY` | — |")
        .doesNotContain("--help");
    for (var option : spec("run").options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        assertThat(table).contains(option.longestName().replaceFirst("^--", ""));
      }
    }
  }

  private static CommandSpec spec(String command) {
    return Main.commandLine(CommandLine.defaultFactory())
        .getSubcommands()
        .get(command)
        .getCommandSpec();
  }
}
