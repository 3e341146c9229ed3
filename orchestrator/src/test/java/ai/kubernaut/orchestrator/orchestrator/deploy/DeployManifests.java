package ai.kubernaut.orchestrator.orchestrator.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds, parses and kustomizes the manifests under {@code deploy/}. */
public final class DeployManifests {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** YAML files under deploy/ that are not Kubernetes objects. */
  static final List<String> NOT_MANIFESTS = List.of("helm-values.yaml");

  /**
   * Folders under deploy/ whose YAML is not Kubernetes objects: promtool unit tests of the alerts
   * and the Alertmanager receiver configuration for the Gateway.
   */
  static final List<String> NOT_MANIFEST_DIRS =
      List.of("monitoring/tests", "monitoring/alertmanager");

  private DeployManifests() {}

  /** The repository root: the first parent of the working directory that holds deploy/. */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no deploy/ directory above " + Path.of("").toAbsolutePath());
  }

  public static Path deploy() {
    return repoRoot().resolve("deploy");
  }

  /** The orchestrator's ClusterRole and leader-election Role from deploy/base. */
  public static List<HasMetadata> orchestratorRbac() {
    Path base = deploy().resolve("base");
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(load(base.resolve("clusterrole.yaml")));
    objects.addAll(load(base.resolve("role-leader-election.yaml")));
    return objects;
  }

  /** Every *.yaml / *.yml under deploy/ that should be a Kubernetes object (or several). */
  static List<Path> manifestFiles() {
    try (Stream<Path> files = Files.walk(deploy())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !NOT_MANIFESTS.contains(p.getFileName().toString()))
          .filter(p -> NOT_MANIFEST_DIRS.stream().noneMatch(d -> p.startsWith(deploy().resolve(d))))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<HasMetadata> load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One or more YAML documents (separated by ---) as typed objects where fabric8 knows the kind.
   */
  static List<HasMetadata> parse(String yaml) {
    Object parsed = SERIALIZATION.unmarshal(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof KubernetesList list) {
      objects.addAll(list.getItems());
    } else if (parsed instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof HasMetadata object) {
          objects.add(object);
        } else if (item != null) {
          throw new IllegalArgumentException("not a Kubernetes object: " + item);
        }
      }
    } else if (parsed instanceof HasMetadata object) {
      objects.add(object);
    } else {
      throw new IllegalArgumentException("not a Kubernetes object: " + parsed);
    }
    return objects;
  }

  static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type, String name) {
    List<T> found =
        objects.stream()
            .filter(type::isInstance)
            .map(type::cast)
            .filter(o -> name.equals(o.getMetadata().getName()))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + type.getSimpleName() + " " + name + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The kubectl binary when one is installed (kubectl kustomize needs no cluster). */
  static Optional<Path> kubectl() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code kubectl kustomize deploy/<dir>}, parsed. */
  static List<HasMetadata> kustomize(Path kubectl, String dir) {
    try {
      Process process =
          new ProcessBuilder(kubectl.toString(), "kustomize", deploy().resolve(dir).toString())
              .redirectErrorStream(false)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "kubectl kustomize "
                + dir
                + " failed ("
                + process.exitValue()
                + "): "
                + new String(err, StandardCharsets.UTF_8));
      }
      return parse(new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
