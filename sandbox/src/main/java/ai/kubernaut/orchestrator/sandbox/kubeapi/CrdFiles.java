package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads CustomResourceDefinitions from YAML on the classpath. */
public final class CrdFiles {

  private CrdFiles() {}

  /** The six Kubernaut CRDs generated into the api jar ({@link KubernautCrds#resourcePaths()}). */
  public static List<CustomResourceDefinition> kubernautCrds() {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    KubernautCrds.resourcePaths().forEach(path -> crds.addAll(fromClasspath(path)));
    return crds;
  }

  /** The CRDs in one classpath YAML resource (one or several documents). */
  public static List<CustomResourceDefinition> fromClasspath(String resource) {
    try (InputStream in = classLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no CRD resource on the classpath: " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The CRDs in a YAML text; documents are separated by {@code ---} lines. */
  public static List<CustomResourceDefinition> parse(String yaml) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.isBlank() || document.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
        continue;
      }
      crds.add(Serialization.unmarshal(document, CustomResourceDefinition.class));
    }
    return crds;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : CrdFiles.class.getClassLoader();
  }
}
