package ai.kubernaut.orchestrator.orchestrator.realstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The shell commands shown in the project's Markdown docs, read from their fenced {@code bash}
 * blocks, so the tests run exactly what a reader copies: a command continued with a trailing
 * backslash or an open single quote is joined with its following lines.
 */
public final class DocumentedCommands {

  /** One command as written, with where it was found. */
  public record Command(String file, int line, String section, int block, String text) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + text;
    }
  }

  private DocumentedCommands() {}

  /** Every command of {@code file} (relative to the repository root) that {@code filter} keeps. */
  public static List<Command> in(String file, Predicate<String> filter) {
    List<String> lines;
    try {
      lines = Files.readAllLines(RealStackScripts.root().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Command> commands = new ArrayList<>();
    boolean inBash = false;
    String section = "";
    int block = 0;
    StringBuilder pending = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (!inBash && trimmed.startsWith("#")) {
        section = trimmed;
      }
      if (trimmed.startsWith("```")) {
        inBash = !inBash && (trimmed.equals("```bash") || trimmed.equals("```sh"));
        block += inBash ? 1 : 0;
        pending = null;
        continue;
      }
      if (!inBash) {
        continue;
      }
      if (pending == null) {
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        pending = new StringBuilder(trimmed);
        start = i + 1;
      } else {
        pending.append('\n').append(line);
      }
      String text = pending.toString();
      if (text.endsWith("\\") || count(text, '\'') % 2 == 1) {
        continue;
      }
      if (filter.test(text)) {
        commands.add(new Command(file, start, section, block, text));
      }
      pending = null;
    }
    return commands;
  }

  /** The commands of the first bash block under a heading (as written, e.g. {@code ## Install}). */
  public static List<String> firstBlockOf(String file, String heading) {
    List<Command> inSection =
        in(file, c -> true).stream().filter(c -> c.section().equals(heading)).toList();
    return inSection.stream()
        .filter(c -> c.block() == inSection.get(0).block())
        .map(Command::text)
        .toList();
  }

  /** A kubectl command, alone or as the value of a shell assignment. */
  public static boolean isKubectl(String command) {
    return command.startsWith("kubectl ") || command.matches("(?s)^[A-Z_]+=\\$\\(kubectl .*");
  }

  private static long count(String text, char c) {
    // a quote inside a comment does not open a string
    long n = 0;
    for (String line : text.split("\n", -1)) {
      int hash = line.indexOf(" #");
      String code = hash < 0 ? line : line.substring(0, hash);
      n += code.chars().filter(ch -> ch == c).count();
    }
    return n;
  }
}
