package ai.kubernaut.orchestrator.gateway;

import ai.kubernaut.orchestrator.gateway.signal.TargetMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every Gateway setting, built by the CLI ({@code gateway} command, {@code run --gateway}, {@code
 * sandbox}).
 *
 * @param port HTTP port of the signal endpoints; 0 picks a free one
 * @param namespace where RemediationRequests are created
 * @param tokenFile file holding the bearer token; null turns authentication off (sandbox only)
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param rateLimitPerSecond sustained requests a second per client address; 0 turns limiting off
 * @param rateLimitBurst requests a client may send at once before the rate applies
 * @param cooldown after a RemediationRequest for a fingerprint ended, how long a new firing is
 *     suppressed instead of starting another remediation
 * @param stormThreshold distinct targets of one alert rule within {@code stormWindow} that mark a
 *     storm; 0 turns detection off
 * @param stormWindow the storm window
 * @param targetRules extra label-to-kind rules, checked before the defaults
 */
public record GatewayConfig(
    int port,
    String namespace,
    Path tokenFile,
    int maxBodyBytes,
    double rateLimitPerSecond,
    int rateLimitBurst,
    Duration cooldown,
    int stormThreshold,
    Duration stormWindow,
    List<TargetMapping.Rule> targetRules) {

  public static final int DEFAULT_PORT = 8081;
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  public GatewayConfig {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(stormWindow, "stormWindow");
    targetRules = List.copyOf(targetRules);
  }

  /** The defaults with {@code port} and {@code namespace}; no token (tests and sandbox). */
  public static GatewayConfig defaults(int port, String namespace) {
    return new GatewayConfig(
        port,
        namespace,
        null,
        DEFAULT_MAX_BODY_BYTES,
        50,
        200,
        Duration.ofMinutes(5),
        10,
        Duration.ofMinutes(1),
        List.of());
  }

  public TargetMapping targetMapping() {
    return TargetMapping.withExtraRules(targetRules);
  }

  public GatewayConfig withPort(int newPort) {
    return new GatewayConfig(
        newPort,
        namespace,
        tokenFile,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        cooldown,
        stormThreshold,
        stormWindow,
        targetRules);
  }

  public GatewayConfig withTokenFile(Path newTokenFile) {
    return new GatewayConfig(
        port,
        namespace,
        newTokenFile,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        cooldown,
        stormThreshold,
        stormWindow,
        targetRules);
  }

  public GatewayConfig withRateLimit(double perSecond, int burst) {
    return new GatewayConfig(
        port,
        namespace,
        tokenFile,
        maxBodyBytes,
        perSecond,
        burst,
        cooldown,
        stormThreshold,
        stormWindow,
        targetRules);
  }

  public GatewayConfig withCooldown(Duration newCooldown) {
    return new GatewayConfig(
        port,
        namespace,
        tokenFile,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        newCooldown,
        stormThreshold,
        stormWindow,
        targetRules);
  }
}
