package ai.kubernaut.orchestrator.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * docs/configuration.md holds a table per command rendered from the picocli model: the service's
 * commands ({@code ConfigurationDocTest}) and the sandbox's (module harness). Regenerated in place
 * with {@code -Dkubernaut.docs.regenerate=true}.
 */
public final class ConfigurationDoc {

  /** Relative to a module directory. */
  public static final Path DOC = Path.of("..", "docs", "configuration.md");

  private ConfigurationDoc() {}

  /**
   * Fails when a table of {@code commands} differs from their CLI definitions, naming {@code
   * regenerate}; rewrites the tables first when {@code kubernaut.docs.regenerate} is set.
   */
  public static void assertUpToDate(List<CommandSpec> commands, String regenerate)
      throws IOException {
    String doc = Files.readString(DOC);
    String expected = doc;
    for (CommandSpec command : commands) {
      expected = replaceSection(expected, command);
    }

    if (Boolean.getBoolean("kubernaut.docs.regenerate")) {
      Files.writeString(DOC, expected);
      doc = expected;
    }

    assertThat(doc)
        .as(
            "docs/configuration.md is out of date with the CLI options; regenerate with:%n  %s",
            regenerate)
        .isEqualTo(expected);
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
