package ai.kubernaut.orchestrator.orchestrator.realstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time limit, capturing stdout and stderr apart. */
public final class Shell {

  /** What a command printed and how it ended; {@code output()} is both streams, for messages. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public String output() {
      return "$ " + String.join(" ", command) + " (exit " + exitCode + ")\n" + stdout + stderr;
    }
  }

  private Shell() {}

  public static Result run(Duration limit, String... command) {
    return run(limit, Map.of(), List.of(command));
  }

  public static Result run(Duration limit, Map<String, String> env, List<String> command) {
    return runIn(Path.of("."), limit, env, command);
  }

  public static Result runIn(
      Path workDir, Duration limit, Map<String, String> env, List<String> command) {
    try {
      Path out = Files.createTempFile("shell-out", ".txt");
      Path err = Files.createTempFile("shell-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
      }
      int code = process.isAlive() ? -1 : process.exitValue();
      Result result =
          new Result(
              command,
              code,
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
