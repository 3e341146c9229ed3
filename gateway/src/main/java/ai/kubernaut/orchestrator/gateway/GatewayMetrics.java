package ai.kubernaut.orchestrator.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Every {@code kubernaut_gateway_*} meter, behind intent methods. Tags hold the signal source, the
 * outcome or the rejection reason, never an RR name, a fingerprint or a client address.
 */
public final class GatewayMetrics {

  public static final String PREFIX = "kubernaut.gateway.";
  public static final String RECEIVED = PREFIX + "signals.received";
  // not "...created": the Prometheus client reserves a _created suffix for OpenMetrics timestamps
  public static final String CREATED = PREFIX + "remediationrequests";
  public static final String DEDUPLICATED = PREFIX + "signals.deduplicated";
  public static final String SUPPRESSED = PREFIX + "signals.suppressed";
  public static final String RESOLVED = PREFIX + "signals.resolved";
  public static final String IGNORED = PREFIX + "signals.ignored";
  public static final String STORM = PREFIX + "storm.signals";
  public static final String REJECTED = PREFIX + "requests.rejected";
  public static final String FAILED = PREFIX + "requests.failed";
  public static final String DEDUP_CONFLICTS = PREFIX + "deduplication.conflicts";
  public static final String REQUEST_DURATION = PREFIX + "request.duration";

  /** Every {@code reason} a rejection can carry (docs/gateway.md lists each with its status). */
  public static final List<String> REJECTION_REASONS =
      List.of(
          "malformed_json",
          "empty_body",
          "invalid_payload",
          "unsupported_version",
          "missing_field",
          "invalid_field",
          "no_alerts",
          "too_many_alerts",
          "missing_alertname",
          "invalid_status",
          "invalid_timestamp",
          "invalid_labels",
          "too_many_labels",
          "value_too_long",
          "missing_target",
          "invalid_target",
          "missing_token",
          "invalid_token",
          "not_found",
          "method_not_allowed",
          "payload_too_large",
          "unsupported_media_type",
          "rate_limited");

  /** Every {@code reason} of a 5xx. */
  public static final List<String> FAILURE_REASONS = List.of("kubernetes_api", "internal");

  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void received(String source) {
    counter(RECEIVED, "Signals received (firing and resolved), per source", "source", source)
        .increment();
  }

  public void created(String source) {
    counter(CREATED, "RemediationRequests created", "source", source).increment();
  }

  public void deduplicated(String source) {
    counter(
            DEDUPLICATED,
            "Firing signals counted on an active RemediationRequest instead of creating one",
            "source",
            source)
        .increment();
  }

  public void suppressed(String source, String reason) {
    registry
        .counter(SUPPRESSED, "source", source, "reason", reason)
        .increment(); // described in docs/gateway.md
  }

  public void resolved(String source) {
    counter(
            RESOLVED,
            "Resolved signals recorded (they never start a remediation)",
            "source",
            source)
        .increment();
  }

  public void ignored(String source) {
    counter(IGNORED, "Signals acknowledged but not acted on (Normal events)", "source", source)
        .increment();
  }

  public void storm(String source) {
    counter(STORM, "RemediationRequests created marked as part of a storm", "source", source)
        .increment();
  }

  public void rejected(String reason) {
    counter(REJECTED, "Requests turned away with a 4xx, per reason", "reason", reason).increment();
  }

  public void failed(String reason) {
    counter(FAILED, "Requests that failed with a 5xx, per reason", "reason", reason).increment();
  }

  public void deduplicationConflict() {
    Counter.builder(DEDUP_CONFLICTS)
        .description("409 conflicts retried while writing status.deduplication")
        .register(registry)
        .increment();
  }

  public void requestDuration(String endpoint, String status, Duration duration) {
    Timer.builder(REQUEST_DURATION)
        .description("Time to answer a signal request")
        .tag("endpoint", endpoint)
        .tag("status", status)
        .register(registry)
        .record(duration);
  }

  /**
   * Registers every counter (each known source and reason) with zero, and the request timer of each
   * endpoint, so dashboards and alerts see the series before the first signal.
   */
  public void preRegister(Iterable<String> sources) {
    for (String source : sources) {
      counter(RECEIVED, "Signals received (firing and resolved), per source", "source", source);
      counter(CREATED, "RemediationRequests created", "source", source);
      counter(
          DEDUPLICATED,
          "Firing signals counted on an active RemediationRequest instead of creating one",
          "source",
          source);
      counter(
          RESOLVED, "Resolved signals recorded (they never start a remediation)", "source", source);
      registry.counter(SUPPRESSED, "source", source, "reason", "cooldown");
      counter(STORM, "RemediationRequests created marked as part of a storm", "source", source);
      counter(IGNORED, "Signals acknowledged but not acted on (Normal events)", "source", source);
    }
    for (String reason : REJECTION_REASONS) {
      counter(REJECTED, "Requests turned away with a 4xx, per reason", "reason", reason);
    }
    for (String reason : FAILURE_REASONS) {
      counter(FAILED, "Requests that failed with a 5xx, per reason", "reason", reason);
    }
    for (String endpoint : List.of("alertmanager", "kubernetes-event")) {
      Timer.builder(REQUEST_DURATION)
          .description("Time to answer a signal request")
          .tag("endpoint", endpoint)
          .tag("status", "200")
          .register(registry);
    }
    Counter.builder(DEDUP_CONFLICTS)
        .description("409 conflicts retried while writing status.deduplication")
        .register(registry);
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value).register(registry);
  }
}
