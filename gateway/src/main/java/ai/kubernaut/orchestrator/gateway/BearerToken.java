package ai.kubernaut.orchestrator.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared bearer token, read from a file (a mounted Secret) and re-read when the file changes,
 * so a rotated Secret takes effect without a restart. The token is never logged or put in a
 * message; comparison is constant-time over SHA-256 digests, so neither content nor length leaks.
 */
public final class BearerToken {

  /** Why a request was not authenticated. */
  public enum Check {
    OK,
    MISSING,
    INVALID
  }

  private final Path file;
  private volatile FileTime loadedAt;
  private volatile byte[] digest;

  private BearerToken(Path file) {
    this.file = file;
    reload();
  }

  /**
   * Reads the token from {@code file} (surrounding whitespace ignored).
   *
   * @throws IllegalArgumentException when the file is unreadable or empty (naming the file only)
   */
  public static BearerToken fromFile(Path file) {
    return new BearerToken(file);
  }

  /** Checks an {@code Authorization} header value. */
  public Check check(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      return Check.MISSING;
    }
    String prefix = "Bearer ";
    if (authorizationHeader.length() < prefix.length()
        || !authorizationHeader.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return Check.INVALID;
    }
    refreshIfChanged();
    byte[] presented = sha256(authorizationHeader.substring(prefix.length()).trim());
    return MessageDigest.isEqual(presented, digest) ? Check.OK : Check.INVALID;
  }

  private void refreshIfChanged() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(loadedAt)) {
        reload();
      }
    } catch (IOException | RuntimeException e) {
      // keep the token we have: a Secret being swapped may briefly be absent
    }
  }

  private synchronized void reload() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      String token = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (token.isEmpty()) {
        throw new IllegalArgumentException("the token file " + file + " is empty");
      }
      digest = sha256(token);
      loadedAt = modified;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token file " + file, e);
    }
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
