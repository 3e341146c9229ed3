package ai.kubernaut.orchestrator.orchestrator.monitoring;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the real prometheus, promtool and alertmanager binaries (Debian's packages, installed by
 * {@code realstack/monitoring.sh}): {@code KUBERNAUT_MONITORING_BIN} first, then {@code PATH}.
 * Debian names Alertmanager {@code prometheus-alertmanager}. Absent: the test is skipped with the
 * reason printed, or fails when {@code CI=true}.
 */
public final class MonitoringBinaries {

  private MonitoringBinaries() {}

  public static Path prometheus() {
    return require("prometheus", List.of("prometheus"));
  }

  public static Path promtool() {
    return require("promtool", List.of("promtool"));
  }

  public static Path alertmanager() {
    return require("alertmanager", List.of("alertmanager", "prometheus-alertmanager"));
  }

  private static Path require(String what, List<String> names) {
    Optional<Path> found = find(names);
    if (found.isEmpty()) {
      String reason =
          what
              + " not found (KUBERNAUT_MONITORING_BIN or PATH; names "
              + names
              + "): run realstack/monitoring.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + " (CI=true: the real monitoring tier must run)");
      }
      System.out.println("SKIPPED: " + reason);
      assumeTrue(false, reason);
    }
    return found.get();
  }

  static Optional<Path> find(List<String> names) {
    String dir = System.getenv("KUBERNAUT_MONITORING_BIN");
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      if (dir != null && !dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
        return Optional.of(Path.of(dir, name));
      }
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank() && Files.isExecutable(Path.of(entry, name))) {
          return Optional.of(Path.of(entry, name));
        }
      }
    }
    return Optional.empty();
  }

  /** The repository's deploy/ folder: the first parent of the working directory holding it. */
  static Path deploy() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("mvnw"))) {
        return dir.resolve("deploy");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no deploy/ above " + Path.of("").toAbsolutePath());
  }
}
