package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads CustomResourceDefinitions from YAML on the classpath. */
public final class CrdFiles {

  /** Where fabric8's crd-generator puts CRDs inside a jar. */
  public static final String GENERATED_DIR = "META-INF/fabric8/";

  /** The file names of the Kubernaut CRDs the api module generates. */
  public static final Pattern KUBERNAUT = Pattern.compile("[a-z0-9]+\\.kubernaut\\.ai-v1\\.yml");

  private CrdFiles() {}

  /** Every Kubernaut CRD generated into {@value #GENERATED_DIR} on the classpath, by file name. */
  public static List<CustomResourceDefinition> kubernautCrds() {
    ClassLoader loader = classLoader();
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String name : generatedFileNames(loader)) {
      if (KUBERNAUT.matcher(name).matches()) {
        crds.addAll(fromClasspath(GENERATED_DIR + name));
      }
    }
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

  private static TreeSet<String> generatedFileNames(ClassLoader loader) {
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(GENERATED_DIR))) {
        if (url.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              String entry = entries.nextElement().getName();
              if (entry.startsWith(GENERATED_DIR)
                  && entry.indexOf('/', GENERATED_DIR.length()) < 0) {
                names.add(entry.substring(GENERATED_DIR.length()));
              }
            }
          }
        } else if (url.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            files.forEach(f -> names.add(f.getFileName().toString()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + GENERATED_DIR, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    names.remove("");
    return names;
  }
}
