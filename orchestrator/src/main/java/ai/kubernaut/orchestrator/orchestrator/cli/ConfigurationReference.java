package ai.kubernaut.orchestrator.orchestrator.cli;

import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Renders a command's options as the Markdown table in {@code docs/configuration.md}. A test
 * compares the file with this output, so the document cannot drift from the CLI definitions.
 */
public final class ConfigurationReference {

  private ConfigurationReference() {}

  public static String beginMarker(String command) {
    return "<!-- BEGIN GENERATED OPTIONS: " + command + " -->";
  }

  public static String endMarker(String command) {
    return "<!-- END GENERATED OPTIONS: " + command + " -->";
  }

  /** The Markdown table of every option of {@code spec}, without help and version options. */
  public static String table(CommandSpec spec) {
    StringBuilder sb = new StringBuilder();
    sb.append("| Option | Environment variable | Default | Meaning |\n");
    sb.append("|---|---|---|---|\n");
    for (OptionSpec option : spec.options()) {
      if (option.usageHelp() || option.versionHelp() || option.hidden()) {
        continue;
      }
      Optional<EnvDefault> env = EnvDefault.of(option);
      String declared = EnvDefault.declaredDefault(option);
      String fallback = env.map(EnvDefault::fallback).orElse(declared);
      if (fallback == null && (option.type() == boolean.class || option.type() == Boolean.class)) {
        fallback = "false";
      }
      sb.append("| `")
          .append(
              escape(
                  name(option)
                      + (option.arity().max() > 0 && !option.negatable()
                          ? " " + option.paramLabel()
                          : "")))
          .append("` | ")
          .append(env.map(e -> "`" + e.variable() + "`").orElse("—"))
          .append(" | ")
          .append(fallback == null || fallback.isEmpty() ? "—" : "`" + fallback + "`")
          .append(" | ")
          .append(escape(String.join(" ", option.description())))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** Begin marker, table, end marker: the block that sits in docs/configuration.md. */
  public static String section(CommandSpec spec) {
    return beginMarker(spec.name()) + "\n" + table(spec) + endMarker(spec.name());
  }

  private static String name(OptionSpec option) {
    String longest = option.longestName();
    if (option.negatable()) {
      return longest.replaceFirst("^--(no-)?", "--[no-]");
    }
    return java.util.Arrays.stream(option.names()).collect(Collectors.joining(", "));
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
