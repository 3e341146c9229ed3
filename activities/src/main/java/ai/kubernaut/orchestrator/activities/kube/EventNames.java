package ai.kubernaut.orchestrator.activities.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic Event names: {@code <rr>.<hash>}, the hash taken over workflow ID, run ID, status
 * sequence and the event's index in the write. A retried status activity recreates the same names,
 * gets 409 AlreadyExists and emits nothing twice; a new run (after a reset) gets new names.
 */
public final class EventNames {

  /** Event names are DNS subdomains (253); leave room for the dot and the 16-char hash. */
  static final int MAX_PREFIX = 253 - 17;

  private EventNames() {}

  public static String of(
      String rrName, String workflowId, String runId, long sequence, int index) {
    String prefix = rrName.length() > MAX_PREFIX ? rrName.substring(0, MAX_PREFIX) : rrName;
    prefix = prefix.replaceAll("[.-]+$", "");
    String key = workflowId + "\n" + runId + "\n" + sequence + "\n" + index;
    return prefix + "." + sha256(key).substring(0, 16);
  }

  static String sha256(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
