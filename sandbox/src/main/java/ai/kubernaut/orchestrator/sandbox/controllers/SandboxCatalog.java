package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.SelectedWorkflow;
import ai.kubernaut.orchestrator.api.v1alpha1.TargetResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's made-up knowledge: which root cause and remediation workflow fit a signal, what the
 * steps of a workflow are called, and how environment and priority are classified. Pure functions,
 * so every simulated outcome is predictable.
 */
final class SandboxCatalog {

  static final String WORKFLOW_VERSION = "1.0.0";
  static final String BUNDLE_REGISTRY = "registry.sandbox.local/kubernaut/workflows/";
  static final String RECOVERY_WORKFLOW = "rollback-deployment";
  static final String DEFAULT_ENVIRONMENT = "prod";

  private record Remedy(String keyword, String rootCause, String workflowId) {}

  private static final List<Remedy> REMEDIES =
      List.of(
          new Remedy("oom", "the container exceeded its memory limit", "increase-memory-limit"),
          new Remedy("crashloop", "the container crashes right after start", "restart-deployment"),
          new Remedy("disk", "old logs are filling the node disk", "cleanup-node-disk"),
          new Remedy("cpu", "the CPU limit is too low for the load", "increase-cpu-limit"),
          new Remedy("replica", "too few replicas are ready", "scale-deployment"));

  private static final Remedy FALLBACK =
      new Remedy("", "the pods of the target are unhealthy", "restart-pods");

  private SandboxCatalog() {}

  private static Remedy remedyFor(String signalName) {
    String name = signalName == null ? "" : signalName.toLowerCase(Locale.ROOT);
    return REMEDIES.stream().filter(r -> name.contains(r.keyword())).findFirst().orElse(FALLBACK);
  }

  /** The root cause the simulated analysis reports for a signal. */
  static String rootCauseFor(String signalName, TargetResource target) {
    return remedyFor(signalName).rootCause() + " (" + describe(target) + ")";
  }

  /**
   * The workflow the simulated analysis selects: by signal name, or {@value #RECOVERY_WORKFLOW} for
   * a recovery analysis.
   */
  static SelectedWorkflow workflowFor(
      String signalName, TargetResource target, boolean recovery, String rationale) {
    String workflowId = recovery ? RECOVERY_WORKFLOW : remedyFor(signalName).workflowId();
    SelectedWorkflow workflow = new SelectedWorkflow();
    workflow.setWorkflowId(workflowId);
    workflow.setVersion(WORKFLOW_VERSION);
    workflow.setExecutionBundle(BUNDLE_REGISTRY + workflowId + ":" + WORKFLOW_VERSION);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (target != null) {
      putIfPresent(parameters, "TARGET_KIND", target.getKind());
      putIfPresent(parameters, "TARGET_NAME", target.getName());
      putIfPresent(parameters, "TARGET_NAMESPACE", target.getNamespace());
    }
    workflow.setParameters(parameters);
    workflow.setRationale(rationale);
    return workflow;
  }

  /**
   * Names of the steps of {@code workflowId} when it runs {@code count} steps: validate the target
   * first, verify health last, the workflow's own action in between.
   */
  static List<String> stepNames(String workflowId, int count) {
    String action = workflowId == null || workflowId.isBlank() ? "remediate" : workflowId;
    List<String> names = new ArrayList<>();
    for (int step = 1; step <= count; step++) {
      if (count == 1) {
        names.add(action);
      } else if (step == 1) {
        names.add("validate-target");
      } else if (step == count) {
        names.add("verify-health");
      } else {
        names.add(count == 3 ? action : action + "-" + (step - 1));
      }
    }
    return names;
  }

  /** The step a failing execution of {@code count} steps fails at (1-based): the first action. */
  static int failingStep(int count) {
    return Math.min(2, count);
  }

  /**
   * The environment of a signal: the RR's own value, then a signal label ({@code environment} or
   * {@code env}), then a hint in the target namespace name, then {@value #DEFAULT_ENVIRONMENT}.
   */
  static String environmentFor(
      String rrEnvironment, Map<String, String> signalLabels, String targetNamespace) {
    if (rrEnvironment != null && !rrEnvironment.isBlank()) {
      return rrEnvironment;
    }
    if (signalLabels != null) {
      for (String key : List.of("environment", "env")) {
        String value = signalLabels.get(key);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
    }
    String namespace = targetNamespace == null ? "" : targetNamespace.toLowerCase(Locale.ROOT);
    if (namespace.contains("stag")) {
      return "staging";
    }
    if (namespace.contains("dev") || namespace.contains("test")) {
      return "dev";
    }
    return DEFAULT_ENVIRONMENT;
  }

  /**
   * The priority of a signal: the RR's own value, then a {@code priority} signal label, then by
   * severity and environment (critical in prod is P0, each step down adds one, capped at P3).
   */
  static String priorityFor(
      String rrPriority, Map<String, String> signalLabels, String severity, String environment) {
    if (rrPriority != null && !rrPriority.isBlank()) {
      return rrPriority;
    }
    if (signalLabels != null) {
      String value = signalLabels.get("priority");
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    int base =
        switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
          case "critical" -> 0;
          case "warning" -> 1;
          default -> 2;
        };
    int environmentPenalty =
        switch (environment == null ? "" : environment.toLowerCase(Locale.ROOT)) {
          case "prod", "production" -> 0;
          case "staging" -> 1;
          default -> 2;
        };
    return "P" + Math.min(3, base + environmentPenalty);
  }

  /** {@code Kind namespace/name}, or {@code unknown target}. */
  static String describe(TargetResource target) {
    if (target == null) {
      return "unknown target";
    }
    String namespace = target.getNamespace() == null ? "" : target.getNamespace() + "/";
    return target.getKind() + " " + namespace + target.getName();
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
