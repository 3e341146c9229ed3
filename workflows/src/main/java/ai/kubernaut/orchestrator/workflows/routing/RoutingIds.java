package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.model.TargetRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Workflow IDs of the coordination workflows, derived only from the fingerprint and the target so
 * every remediation (on any replica) reaches the same one: {@code coord/<fingerprint>/<target>} and
 * {@code lock/<target>}, target = {@code Kind/namespace/name}. An ID that would exceed {@link #MAX}
 * characters keeps a readable prefix and ends with a SHA-256 of the full ID.
 */
public final class RoutingIds {

  static final int MAX = 200;

  private RoutingIds() {}

  public static String coordinator(String fingerprint, TargetRef target) {
    return bounded("coord/" + fingerprint + "/" + targetKey(target));
  }

  public static String lock(TargetRef target) {
    return bounded("lock/" + targetKey(target));
  }

  static String targetKey(TargetRef t) {
    if (t == null) {
      return "-";
    }
    return t.display();
  }

  static String bounded(String id) {
    if (id.length() <= MAX) {
      return id;
    }
    String hash = sha256(id).substring(0, 16);
    return id.substring(0, MAX - hash.length() - 1) + "~" + hash;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
