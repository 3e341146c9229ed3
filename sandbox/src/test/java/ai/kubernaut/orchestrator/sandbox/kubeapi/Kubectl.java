package ai.kubernaut.orchestrator.sandbox.kubeapi;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the installed kubectl against a kubeconfig, with a timeout. */
final class Kubectl {

  /** The outcome of one kubectl run. */
  record Result(int exitCode, String stdout, String stderr) {}

  private final Path binary;
  private final Path kubeconfig;

  Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** kubectl from PATH (or /usr/bin/kubectl), if installed. */
  static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        candidates.add(Path.of(dir, "kubectl"));
      }
    }
    candidates.add(Path.of("/usr/bin/kubectl"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** A kubectl that keeps running (for example {@code get -w}); its stdout goes to a file. */
  record Running(Process process, Path stdout, Path stderr) implements AutoCloseable {
    String output() {
      try {
        return Files.readString(stdout, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts kubectl without waiting for it; the caller closes it. */
  Running start(String... args) {
    try {
      Path out = Files.createTempFile("kubectl-out", ".txt");
      Path err = Files.createTempFile("kubectl-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command(args))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().put("HOME", kubeconfig.getParent().toString());
      return new Running(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig");
    command.add(kubeconfig.toString());
    command.add("--request-timeout=20s");
    command.addAll(List.of(args));
    return command;
  }

  Result run(String... args) {
    List<String> command = command(args);
    try {
      Path out = Files.createTempFile("kubectl-out", ".txt");
      Path err = Files.createTempFile("kubectl-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("HOME", kubeconfig.getParent().toString());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl timed out: " + command);
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
