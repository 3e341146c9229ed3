package ai.kubernaut.orchestrator.api.v1alpha1;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a RemediationRequest spec before the orchestrator acts on it (the Pending phase).
 *
 * <p>The CRD schema already rejects most of this at admission, but an RR may predate the schema or
 * arrive through a server that does not enforce it, so every rule is checked again here. Violations
 * come in spec order, required fields first; the first one is what the RR status shows.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>A phase timeout may be at most {@value #MAX_PHASE_TIMEOUT_HOURS}h and the global timeout at
 *       most {@value #MAX_GLOBAL_TIMEOUT_DAYS} days: longer values are almost certainly a unit
 *       mistake, and a remediation that waits longer is no longer automated.
 *   <li>{@code recoveryConfig.maxAttempts} is 0 to {@value #MAX_RECOVERY_ATTEMPTS}: each attempt
 *       runs another AI analysis and workflow against the cluster.
 *   <li>{@code environment} is free text (at most 63 characters, as it becomes a label and search
 *       attribute): organisations name environments their own way. {@code priority} must be P0 to
 *       P3, because notification priority and routing are derived from it.
 *   <li>An empty {@code providerData} counts as absent.
 * </ul>
 */
public final class RemediationRequestValidator {

  public static final int MAX_SIGNAL_NAME_LENGTH = 253;
  public static final int MAX_ORIGINAL_PAYLOAD_BYTES = 256 * 1024;
  public static final int MAX_ENVIRONMENT_LENGTH = 63;
  public static final int MAX_RECOVERY_ATTEMPTS = 10;
  public static final long MAX_PHASE_TIMEOUT_HOURS = 24;
  public static final long MAX_GLOBAL_TIMEOUT_DAYS = 7;
  public static final Set<String> PRIORITIES = Set.of("P0", "P1", "P2", "P3");

  private static final Pattern FINGERPRINT = Pattern.compile("[a-f0-9]{64}");
  private static final ObjectMapper STRICT_JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final String KNOWN_TARGET_TYPES =
      Arrays.stream(TargetType.values())
          .filter(type -> type != TargetType.UNKNOWN)
          .map(TargetType::value)
          .collect(Collectors.joining(", "));

  private RemediationRequestValidator() {}

  /** All violations of {@code rr}'s spec; empty when it is valid. */
  public static List<Violation> validate(RemediationRequest rr) {
    return validate(rr.getSpec());
  }

  /** All violations of {@code spec}; empty when it is valid. */
  public static List<Violation> validate(RemediationRequestSpec spec) {
    List<Violation> violations = new ArrayList<>();
    if (spec == null) {
      violations.add(new Violation("spec", "is required"));
      return violations;
    }
    checkFingerprint(spec.getSignalFingerprint(), violations);
    checkSignalName(spec.getSignalName(), violations);
    if (isBlank(spec.getSeverity())) {
      violations.add(new Violation("spec.severity", "is required"));
    }
    checkTarget(spec, violations);
    checkEnvironment(spec.getEnvironment(), violations);
    checkPriority(spec.getPriority(), violations);
    checkTimestamp("spec.firingTime", spec.getFiringTime(), violations);
    checkTimestamp("spec.receivedTime", spec.getReceivedTime(), violations);
    checkProviderData(spec.getProviderData(), violations);
    checkOriginalPayload(spec.getOriginalPayload(), violations);
    checkTimeouts(spec.getTimeoutConfig(), violations);
    checkRecovery(spec.getRecoveryConfig(), violations);
    return violations;
  }

  private static void checkFingerprint(String fingerprint, List<Violation> violations) {
    if (isBlank(fingerprint)) {
      violations.add(new Violation("spec.signalFingerprint", "is required"));
    } else if (!FINGERPRINT.matcher(fingerprint).matches()) {
      violations.add(
          new Violation(
              "spec.signalFingerprint", "must be 64 lowercase hex characters (a SHA-256 digest)"));
    }
  }

  private static void checkSignalName(String signalName, List<Violation> violations) {
    if (isBlank(signalName)) {
      violations.add(new Violation("spec.signalName", "is required"));
    } else if (signalName.length() > MAX_SIGNAL_NAME_LENGTH) {
      violations.add(
          new Violation(
              "spec.signalName",
              "must be at most %d characters, got %d"
                  .formatted(MAX_SIGNAL_NAME_LENGTH, signalName.length())));
    }
  }

  private static void checkTarget(RemediationRequestSpec spec, List<Violation> violations) {
    TargetType type = spec.effectiveTargetType();
    if (type == TargetType.UNKNOWN) {
      violations.add(new Violation("spec.targetType", "must be one of " + KNOWN_TARGET_TYPES));
      return;
    }
    TargetResource target = spec.getTargetResource();
    if (type != TargetType.KUBERNETES) {
      return;
    }
    if (target == null) {
      violations.add(
          new Violation("spec.targetResource", "is required when targetType is kubernetes"));
      return;
    }
    if (isBlank(target.getKind())) {
      violations.add(new Violation("spec.targetResource.kind", "is required"));
    }
    if (isBlank(target.getName())) {
      violations.add(new Violation("spec.targetResource.name", "is required"));
    }
  }

  private static void checkEnvironment(String environment, List<Violation> violations) {
    if (environment != null && environment.length() > MAX_ENVIRONMENT_LENGTH) {
      violations.add(
          new Violation(
              "spec.environment",
              "must be at most %d characters, got %d"
                  .formatted(MAX_ENVIRONMENT_LENGTH, environment.length())));
    }
  }

  private static void checkPriority(String priority, List<Violation> violations) {
    if (priority != null && !PRIORITIES.contains(priority)) {
      violations.add(
          new Violation(
              "spec.priority", "must be one of P0, P1, P2, P3, got \"" + priority + "\""));
    }
  }

  private static void checkTimestamp(String field, String value, List<Violation> violations) {
    if (value == null) {
      return;
    }
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(
              field,
              "must be an RFC 3339 timestamp such as 2025-01-31T10:15:00Z, got \"" + value + "\""));
    }
  }

  private static void checkProviderData(String providerData, List<Violation> violations) {
    if (providerData == null || providerData.isEmpty()) {
      return;
    }
    try {
      STRICT_JSON.readTree(providerData);
    } catch (JacksonException e) {
      violations.add(
          new Violation("spec.providerData", "must be valid JSON: " + e.getOriginalMessage()));
    }
  }

  private static void checkOriginalPayload(String payload, List<Violation> violations) {
    if (payload == null) {
      return;
    }
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ORIGINAL_PAYLOAD_BYTES) {
      violations.add(
          new Violation(
              "spec.originalPayload",
              "must be at most %d bytes (256 KiB), got %d"
                  .formatted(MAX_ORIGINAL_PAYLOAD_BYTES, bytes)));
    }
  }

  private static void checkTimeouts(TimeoutConfig timeouts, List<Violation> violations) {
    if (timeouts == null) {
      return;
    }
    Duration phaseCap = Duration.ofHours(MAX_PHASE_TIMEOUT_HOURS);
    checkTimeout("processing", TimeoutConfig::getProcessing, timeouts, phaseCap, violations);
    checkTimeout("analyzing", TimeoutConfig::getAnalyzing, timeouts, phaseCap, violations);
    checkTimeout(
        "awaitingApproval", TimeoutConfig::getAwaitingApproval, timeouts, phaseCap, violations);
    checkTimeout("executing", TimeoutConfig::getExecuting, timeouts, phaseCap, violations);
    checkTimeout("recovering", TimeoutConfig::getRecovering, timeouts, phaseCap, violations);
    checkTimeout(
        "global",
        TimeoutConfig::getGlobal,
        timeouts,
        Duration.ofDays(MAX_GLOBAL_TIMEOUT_DAYS),
        violations);
  }

  private static void checkTimeout(
      String name,
      Function<TimeoutConfig, String> getter,
      TimeoutConfig timeouts,
      Duration cap,
      List<Violation> violations) {
    String value = getter.apply(timeouts);
    if (value == null) {
      return;
    }
    String field = "spec.timeoutConfig." + name;
    try {
      Duration duration = GoDuration.parse(field, value);
      if (duration.isZero()) {
        violations.add(new Violation(field, "must be greater than zero, got \"" + value + "\""));
      } else if (duration.compareTo(cap) > 0) {
        violations.add(
            new Violation(
                field, "must be at most %s, got \"%s\"".formatted(GoDuration.format(cap), value)));
      }
    } catch (InvalidFieldException e) {
      violations.add(new Violation(e.field(), e.reason()));
    }
  }

  private static void checkRecovery(RecoveryConfig recovery, List<Violation> violations) {
    if (recovery == null || recovery.getMaxAttempts() == null) {
      return;
    }
    int attempts = recovery.getMaxAttempts();
    if (attempts < 0 || attempts > MAX_RECOVERY_ATTEMPTS) {
      violations.add(
          new Violation(
              "spec.recoveryConfig.maxAttempts",
              "must be between 0 and %d, got %d".formatted(MAX_RECOVERY_ATTEMPTS, attempts)));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
