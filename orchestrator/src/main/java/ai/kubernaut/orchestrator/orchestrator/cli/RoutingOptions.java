package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.RoutingConfig;
import picocli.CommandLine.Option;

/** Routing thresholds: recently remediated targets and consecutive failures. */
public final class RoutingOptions {

  static final String RECENTLY_REMEDIATED_COOLDOWN = "--recently-remediated-cooldown";
  static final String CONSECUTIVE_FAILURE_THRESHOLD = "--consecutive-failure-threshold";
  static final String CONSECUTIVE_FAILURE_BLOCK = "--consecutive-failure-block";
  static final String DUPLICATE_SETTLE_WINDOW = "--duplicate-settle-window";

  @Option(
      names = RECENTLY_REMEDIATED_COOLDOWN,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_RECENTLY_REMEDIATED_COOLDOWN:-5m}",
      description = "Skip the same workflow on the same target within this time of a success.")
  String recentlyRemediatedCooldown;

  @Option(
      names = CONSECUTIVE_FAILURE_THRESHOLD,
      paramLabel = "<n>",
      defaultValue = "${env:KUBERNAUT_CONSECUTIVE_FAILURE_THRESHOLD:-3}",
      description =
          "Failed remediations in a row (same fingerprint and target) that block the next.")
  int consecutiveFailureThreshold;

  @Option(
      names = CONSECUTIVE_FAILURE_BLOCK,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_CONSECUTIVE_FAILURE_BLOCK:-1h}",
      description = "How long a target stays Blocked after consecutive failures.")
  String consecutiveFailureBlock;

  @Option(
      names = DUPLICATE_SETTLE_WINDOW,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_DUPLICATE_SETTLE_WINDOW:-2s}",
      description =
          "A new fingerprint's first RRs are collected until creationTimestamp + this before"
              + " the owner is chosen by tie-break (0: arrival order). Part of every pickup.")
  String duplicateSettleWindow;

  public RoutingConfig toConfig(ConfigValidator v) {
    return new RoutingConfig(
        v.positiveDuration(RECENTLY_REMEDIATED_COOLDOWN, recentlyRemediatedCooldown),
        v.intAtLeast(CONSECUTIVE_FAILURE_THRESHOLD, consecutiveFailureThreshold, 1),
        v.positiveDuration(CONSECUTIVE_FAILURE_BLOCK, consecutiveFailureBlock),
        v.nonNegativeDuration(DUPLICATE_SETTLE_WINDOW, duplicateSettleWindow));
  }
}
