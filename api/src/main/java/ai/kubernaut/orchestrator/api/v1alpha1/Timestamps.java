package ai.kubernaut.orchestrator.api.v1alpha1;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The RFC 3339 timestamps of the CRDs' string fields ({@code metav1.Time} on the wire). */
public final class Timestamps {

  private Timestamps() {}

  /** The instant {@code value} names; empty when it is null, blank or not RFC 3339. */
  public static Optional<Instant> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
