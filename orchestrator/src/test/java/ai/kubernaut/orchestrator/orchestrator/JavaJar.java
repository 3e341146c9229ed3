package ai.kubernaut.orchestrator.orchestrator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A shaded jar run with {@code java -jar} from the module directory, with no {@code KUBERNAUT_*} or
 * {@code TEMPORAL_*} variable of this environment but those given.
 */
public record JavaJar(Path jar) {

  /** What a finished run returned and printed. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Runs {@code args} to the end; fails when it takes longer than {@code timeout}. */
  public Result run(Map<String, String> env, Duration timeout, String... args) throws Exception {
    Path out = Files.createTempFile("jar-out", ".txt");
    Path err = Files.createTempFile("jar-err", ".txt");
    ProcessBuilder pb = command(env, args);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out after " + timeout + ": " + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Starts {@code args} with stdout and stderr in {@code log}. */
  public Process start(Map<String, String> env, Path log, String... args) throws Exception {
    ProcessBuilder pb = command(env, args);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private ProcessBuilder command(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("."));
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("KUBERNAUT_") || k.startsWith("TEMPORAL_"));
    pb.environment().putAll(env);
    return pb;
  }
}
