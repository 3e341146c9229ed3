package ai.kubernaut.orchestrator.api.v1alpha1;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short stable hashes that keep shortened names apart. */
final class Hashes {

  static final int SHORT_HASH_LENGTH = 8;

  private Hashes() {}

  /** The first eight hex characters of the SHA-256 of {@code value} in UTF-8. */
  static String shortSha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, SHORT_HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
