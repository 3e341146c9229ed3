package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CRDs committed in deploy/crds must be exactly what the build generates from the model. */
class GeneratedCrdsUpToDateTest {

  private static final String HOW_TO_FIX =
      "deploy/crds/ is out of date with the model; regenerate it with"
          + " `./mvnw -B -pl api -Pupdate-crds verify` and commit the result";

  // surefire passes both paths (see api/pom.xml); the fallbacks serve an IDE run from api/
  private static final Path GENERATED =
      Path.of(System.getProperty("crds.generated.dir", "target/classes/META-INF/fabric8"));
  private static final Path COMMITTED =
      Path.of(System.getProperty("crds.committed.dir", "../deploy/crds"));

  @Test
  void committedCrdsMatchTheGeneratedOnes() throws IOException {
    List<String> generated = crdFiles(GENERATED);

    assertThat(generated).as("generated CRDs in " + GENERATED).hasSize(KubernautCrds.KINDS.size());
    assertThat(crdFiles(COMMITTED)).as(HOW_TO_FIX).containsExactlyElementsOf(generated);
    for (String file : generated) {
      assertThat(read(COMMITTED.resolve(file)))
          .as(HOW_TO_FIX + " (" + file + " differs)")
          .isEqualTo(read(GENERATED.resolve(file)));
    }
  }

  private static List<String> crdFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".kubernaut.ai-v1.yml"))
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file).replace("\r\n", "\n");
  }
}
