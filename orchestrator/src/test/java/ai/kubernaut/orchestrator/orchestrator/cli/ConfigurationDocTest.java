package ai.kubernaut.orchestrator.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * docs/configuration.md holds a table per command rendered from the picocli model; this test fails
 * when they differ. Regenerate with {@code -Dkubernaut.docs.regenerate=true}.
 */
class ConfigurationDocTest {

  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final String REGENERATE =
      "./mvnw -B -pl orchestrator -am test -Dtest=ConfigurationDocTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dkubernaut.docs.regenerate=true";

  @Test
  void configurationDocMatchesTheCliDefinitions() throws IOException {
    String doc = Files.readString(DOC);
    String expected = doc;
    for (String command : List.of("run", "gateway", "sandbox")) {
      expected = replaceSection(expected, spec(command));
    }

    if (Boolean.getBoolean("kubernaut.docs.regenerate")) {
      Files.writeString(DOC, expected);
      doc = expected;
    }

    assertThat(doc)
        .as(
            "docs/configuration.md is out of date with the CLI options; regenerate with:%n  %s",
            REGENERATE)
        .isEqualTo(expected);
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

  private static String replaceSection(String doc, CommandSpec spec) {
    String begin = ConfigurationReference.beginMarker(spec.name());
    String end = ConfigurationReference.endMarker(spec.name());
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    assertThat(from).as("marker %s in %s", begin, DOC).isNotNegative();
    assertThat(to).as("marker %s in %s", end, DOC).isGreaterThan(from);
    return doc.substring(0, from)
        + ConfigurationReference.section(spec)
        + doc.substring(to + end.length());
  }
}
