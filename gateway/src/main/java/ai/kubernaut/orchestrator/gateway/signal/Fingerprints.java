package ai.kubernaut.orchestrator.gateway.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signal fingerprint: SHA-256, as 64 lowercase hex characters, of the UTF-8 string {@code
 * <signal name>:<target namespace>:<target kind>:<target name>} (an empty namespace for a
 * cluster-scoped target). Nothing else goes in: severity, annotations, replica or instance labels
 * and timestamps may change while the problem stays the same, so they must not split one problem
 * into several remediations. The same subset is documented in docs/gateway.md.
 */
public final class Fingerprints {

  private Fingerprints() {}

  public static String of(String signalName, Signal.Target target) {
    String identity =
        signalName
            + ":"
            + (target.namespace() == null ? "" : target.namespace())
            + ":"
            + target.kind()
            + ":"
            + target.name();
    return sha256Hex(identity);
  }

  static String sha256Hex(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
