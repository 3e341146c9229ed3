package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.gateway.GatewayConfig;
import ai.kubernaut.orchestrator.gateway.signal.TargetMapping;
import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The Gateway: where it listens, where it creates RemediationRequests, and its guards. */
public final class GatewayOptions {

  static final String PORT = "--gateway-port";
  static final String NAMESPACE = "--gateway-namespace";
  static final String TOKEN_FILE = "--gateway-token-file";
  static final String ALLOW_UNAUTHENTICATED = "--gateway-allow-unauthenticated";
  static final String MAX_BODY_BYTES = "--gateway-max-body-bytes";
  static final String RATE_LIMIT = "--gateway-rate-limit";
  static final String RATE_BURST = "--gateway-rate-burst";
  static final String COOLDOWN = "--gateway-cooldown";
  static final String STORM_THRESHOLD = "--gateway-storm-threshold";
  static final String STORM_WINDOW = "--gateway-storm-window";
  static final String TARGET_LABELS = "--gateway-target-labels";

  @Option(
      names = PORT,
      paramLabel = "<port>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_PORT:-8081}",
      description = "Port of the Gateway's signal endpoints; 0 picks a free port.")
  int port;

  @Option(
      names = NAMESPACE,
      paramLabel = "<ns>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_NAMESPACE:-kubernaut-system}",
      description = "Namespace the Gateway creates RemediationRequests in.")
  String namespace;

  @Option(
      names = TOKEN_FILE,
      paramLabel = "<file>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_TOKEN_FILE:-}",
      description =
          "File with the bearer token senders must present (a mounted Secret; re-read when it"
              + " changes). Required unless "
              + ALLOW_UNAUTHENTICATED
              + ".")
  String tokenFile;

  @Option(
      names = ALLOW_UNAUTHENTICATED,
      defaultValue = "${env:KUBERNAUT_GATEWAY_ALLOW_UNAUTHENTICATED:-false}",
      description = "Accept signals without a token (only behind a trusted network boundary).")
  boolean allowUnauthenticated;

  @Option(
      names = MAX_BODY_BYTES,
      paramLabel = "<bytes>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_MAX_BODY_BYTES:-1048576}",
      description = "Larger request bodies are refused with 413.")
  int maxBodyBytes;

  @Option(
      names = RATE_LIMIT,
      paramLabel = "<per-second>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_RATE_LIMIT:-50}",
      description = "Sustained requests a second per client address (429 above); 0: no limit.")
  double rateLimit;

  @Option(
      names = RATE_BURST,
      paramLabel = "<requests>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_RATE_BURST:-200}",
      description = "Requests a client address may send at once before the rate applies.")
  int rateBurst;

  @Option(
      names = COOLDOWN,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_COOLDOWN:-5m}",
      description =
          "After a RemediationRequest ended, a new firing of its fingerprint within this time is"
              + " suppressed.")
  String cooldown;

  @Option(
      names = STORM_THRESHOLD,
      paramLabel = "<targets>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_STORM_THRESHOLD:-10}",
      description =
          "Distinct targets of one alert rule within the storm window that mark new"
              + " RemediationRequests as a storm; 0: off.")
  int stormThreshold;

  @Option(
      names = STORM_WINDOW,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_GATEWAY_STORM_WINDOW:-1m}",
      description = "The storm detection window.")
  String stormWindow;

  @Option(
      names = TARGET_LABELS,
      paramLabel = "<label=[apiVersion/]Kind[:cluster]>[,...]",
      split = ",",
      defaultValue = "${env:KUBERNAUT_GATEWAY_TARGET_LABELS:-}",
      description =
          "Extra alert labels naming the target, checked before the built-in ones, e.g."
              + " rollout=argoproj.io/v1alpha1/Rollout (see docs/gateway.md).")
  List<String> targetLabels;

  GatewayConfig toConfig(ConfigValidator v) {
    int p = v.port(PORT, port);
    String ns = v.nonBlank(NAMESPACE, namespace);
    v.optionalDnsLabel(NAMESPACE, ns);
    Path token = v.optionalReadableFile(TOKEN_FILE, tokenFile);
    v.require(
        token != null || allowUnauthenticated,
        TOKEN_FILE,
        "is required (or pass " + ALLOW_UNAUTHENTICATED + " to accept signals without a token)");
    v.require(maxBodyBytes >= 1024, MAX_BODY_BYTES, "must be at least 1024, got " + maxBodyBytes);
    v.require(rateLimit >= 0, RATE_LIMIT, "must not be negative, got " + rateLimit);
    int burst = v.intAtLeast(RATE_BURST, rateBurst, 1);
    int storm = v.intAtLeast(STORM_THRESHOLD, stormThreshold, 0);
    List<TargetMapping.Rule> rules = new ArrayList<>();
    for (String raw : targetLabels == null ? List.<String>of() : targetLabels) {
      if (raw.isBlank()) {
        continue;
      }
      try {
        rules.add(TargetMapping.parseRule(raw.strip()));
      } catch (IllegalArgumentException e) {
        v.require(false, TARGET_LABELS, e.getMessage());
      }
    }
    return new GatewayConfig(
        p,
        ns,
        token,
        maxBodyBytes,
        rateLimit,
        burst,
        v.nonNegativeDuration(COOLDOWN, cooldown),
        storm,
        v.positiveDuration(STORM_WINDOW, stormWindow),
        rules);
  }
}
