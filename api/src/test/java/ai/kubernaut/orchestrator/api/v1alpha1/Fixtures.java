package ai.kubernaut.orchestrator.api.v1alpha1;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the fixture resources under {@code src/test/resources}. */
final class Fixtures {

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T load(String resource, Class<T> type) {
    return Serialization.unmarshal(text(resource), type);
  }

  /** A fresh, fully valid RemediationRequest each call, so a test can change one field. */
  static RemediationRequest validRemediationRequest() {
    return load("remediationrequest-full.yaml", RemediationRequest.class);
  }
}
