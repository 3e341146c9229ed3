package ai.kubernaut.orchestrator.orchestrator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives every Temporal client request meter an {@code update_name} tag ({@code none} when the
 * request is not an update).
 *
 * <p>The SDK tags update-with-start requests ({@code ExecuteMultiOperation}, used by the
 * fingerprint coordinator) with {@code update_name} and every other request without it. Prometheus
 * needs one tag set per meter name, so without this the registry refuses the update requests'
 * meters (and logs a warning on the first one): their counts and latencies would be missing from
 * {@code /metrics}.
 */
final class TemporalRequestTags implements MeterFilter {

  static final String UPDATE_NAME = "update_name";

  @Override
  public Meter.Id map(Meter.Id id) {
    if (isClientRequestMeter(id.getName()) && id.getTag(UPDATE_NAME) == null) {
      return id.withTag(io.micrometer.core.instrument.Tag.of(UPDATE_NAME, "none"));
    }
    return id;
  }

  private static boolean isClientRequestMeter(String name) {
    return name.startsWith("temporal_request") || name.startsWith("temporal_long_request");
  }
}
