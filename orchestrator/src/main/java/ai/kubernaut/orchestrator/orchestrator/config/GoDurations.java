package ai.kubernaut.orchestrator.orchestrator.config;

import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import java.time.Duration;

/** Go {@code time.ParseDuration} syntax, as the RR spec uses it (the api module's parser). */
public final class GoDurations {

  private GoDurations() {}

  /**
   * Parses a non-negative Go duration ({@code 90s}, {@code 1h30m}, {@code 1.5h}, {@code 250ms}).
   *
   * @throws IllegalArgumentException when the text is not one
   */
  public static Duration parse(String text) {
    return GoDuration.parse(text == null ? null : text.strip());
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
