package ai.kubernaut.orchestrator.gateway.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which alert label names the target resource, in precedence order: the first rule whose label is
 * present wins. The target's namespace is the {@code namespace} label (for namespaced kinds).
 *
 * <p>The defaults put workload controllers before pods and nodes last, because pod-level series
 * (kube-state-metrics) usually carry a {@code node} label too. Users extend it with rules written
 * {@code label=[apiVersion/]Kind[:cluster]}, for example {@code
 * rollout=argoproj.io/v1alpha1/Rollout} or {@code instance_node=Node:cluster}; their rules are
 * checked before the defaults.
 */
public final class TargetMapping {

  /** One label-to-kind rule. */
  public record Rule(String label, String kind, String apiVersion, boolean clusterScoped) {
    public Rule {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(kind, "kind");
    }

    /** The rule in the syntax {@link #parseRule} reads. */
    public String render() {
      return label
          + "="
          + (apiVersion == null ? "" : apiVersion + "/")
          + kind
          + (clusterScoped ? ":cluster" : "");
    }
  }

  public static final String NAMESPACE_LABEL = "namespace";

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern API_VERSION =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?v[0-9]+([a-z]+[0-9]+)?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final Map<String, String> WELL_KNOWN_API_VERSIONS =
      Map.ofEntries(
          Map.entry("Deployment", "apps/v1"),
          Map.entry("StatefulSet", "apps/v1"),
          Map.entry("DaemonSet", "apps/v1"),
          Map.entry("ReplicaSet", "apps/v1"),
          Map.entry("Job", "batch/v1"),
          Map.entry("CronJob", "batch/v1"),
          Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
          Map.entry("Pod", "v1"),
          Map.entry("Service", "v1"),
          Map.entry("PersistentVolumeClaim", "v1"),
          Map.entry("PersistentVolume", "v1"),
          Map.entry("Node", "v1"),
          Map.entry("Namespace", "v1"));

  /** The built-in rules, in precedence order. */
  public static final List<Rule> DEFAULT_RULES =
      List.of(
          rule("deployment", "Deployment", false),
          rule("statefulset", "StatefulSet", false),
          rule("daemonset", "DaemonSet", false),
          rule("replicaset", "ReplicaSet", false),
          rule("cronjob", "CronJob", false),
          // kube-state-metrics' label; never "job", which Prometheus sets to the scrape job
          rule("job_name", "Job", false),
          rule("horizontalpodautoscaler", "HorizontalPodAutoscaler", false),
          rule("pod", "Pod", false),
          rule("persistentvolumeclaim", "PersistentVolumeClaim", false),
          rule("service", "Service", false),
          rule("persistentvolume", "PersistentVolume", true),
          rule("node", "Node", true));

  private final List<Rule> rules;

  private TargetMapping(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static TargetMapping defaults() {
    return new TargetMapping(DEFAULT_RULES);
  }

  /** The user's rules (checked first, in the given order), then the defaults. */
  public static TargetMapping withExtraRules(List<Rule> extra) {
    List<Rule> all = new ArrayList<>(extra);
    all.addAll(DEFAULT_RULES);
    return new TargetMapping(all);
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * Reads {@code label=[apiVersion/]Kind[:cluster]}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Rule parseRule(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not label=[apiVersion/]Kind[:cluster]");
    }
    String label = text.substring(0, eq).trim();
    String rest = text.substring(eq + 1).trim();
    boolean cluster = false;
    if (rest.endsWith(":cluster")) {
      cluster = true;
      rest = rest.substring(0, rest.length() - ":cluster".length());
    }
    int slash = rest.lastIndexOf('/');
    String kind = slash < 0 ? rest : rest.substring(slash + 1);
    String apiVersion = slash < 0 ? null : rest.substring(0, slash);
    if (!LABEL_NAME.matcher(label).matches()) {
      throw new IllegalArgumentException("'" + label + "' is not a Prometheus label name");
    }
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("'" + kind + "' is not a Kubernetes kind (e.g. Rollout)");
    }
    if (apiVersion != null && !API_VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException(
          "'" + apiVersion + "' is not an apiVersion (e.g. apps/v1)");
    }
    return new Rule(
        label,
        kind,
        apiVersion == null ? WELL_KNOWN_API_VERSIONS.get(kind) : apiVersion,
        cluster || kind.equals("Node") || kind.equals("PersistentVolume"));
  }

  private static Rule rule(String label, String kind, boolean cluster) {
    return new Rule(label, kind, WELL_KNOWN_API_VERSIONS.get(kind), cluster);
  }

  /**
   * The target named by {@code labels}: the first rule whose label is present; for a namespaced
   * kind the {@code namespace} label is required. With no rule matching but a {@code namespace}
   * label, the target is that Namespace.
   *
   * @throws InvalidSignalException {@code missing_target} or {@code invalid_target}
   */
  public Signal.Target targetOf(Map<String, String> labels) {
    String namespace = labels.get(NAMESPACE_LABEL);
    for (Rule rule : rules) {
      String name = labels.get(rule.label());
      if (name == null || name.isEmpty()) {
        continue;
      }
      requireName(rule.label(), name, DNS_SUBDOMAIN, 253);
      if (rule.clusterScoped()) {
        return new Signal.Target(rule.kind(), name, null, rule.apiVersion());
      }
      if (namespace == null || namespace.isEmpty()) {
        throw new InvalidSignalException(
            "missing_target",
            "label '"
                + rule.label()
                + "' names a namespaced "
                + rule.kind()
                + " but the label 'namespace' is missing");
      }
      requireName(NAMESPACE_LABEL, namespace, DNS_LABEL, 63);
      return new Signal.Target(rule.kind(), name, namespace, rule.apiVersion());
    }
    if (namespace != null && !namespace.isEmpty()) {
      requireName(NAMESPACE_LABEL, namespace, DNS_LABEL, 63);
      return new Signal.Target("Namespace", namespace, null, "v1");
    }
    throw new InvalidSignalException(
        "missing_target",
        "no label names the target resource; expected one of "
            + rules.stream().map(Rule::label).distinct().toList()
            + " or 'namespace'");
  }

  /** Whether {@code value} is a valid Kubernetes object name (DNS-1123 subdomain). */
  public static boolean isObjectName(String value) {
    return value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches();
  }

  /** Whether {@code value} is a valid namespace name (DNS-1123 label). */
  public static boolean isNamespaceName(String value) {
    return value.length() <= 63 && DNS_LABEL.matcher(value).matches();
  }

  private static void requireName(String label, String value, Pattern pattern, int max) {
    if (value.length() > max || !pattern.matcher(value).matches()) {
      throw new InvalidSignalException(
          "invalid_target",
          "label '"
              + label
              + "' value '"
              + abbreviate(value)
              + "' is not a valid Kubernetes name (lowercase letters, digits, '-'"
              + (max == 63 ? "" : " and '.'")
              + ", at most "
              + max
              + " characters)");
    }
  }

  static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "..." : value;
  }
}
