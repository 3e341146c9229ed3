package ai.kubernaut.orchestrator.orchestrator.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names used by the PrometheusRule and the Grafana dashboard, and names exposed by a
 * Prometheus scrape, so a test can prove every alert and panel queries a series that exists.
 *
 * <pre>{@code
 * Set<String> used = new TreeSet<>(MetricNames.inPrometheusRule(rule));
 * used.addAll(MetricNames.inGrafanaDashboard(dashboardJson));
 * Set<String> missing = MetricNames.missing(used, MetricNames.inScrape(httpGet("/metrics")));
 * assertThat(missing).isEmpty();
 * }</pre>
 *
 * <p>The PromQL reader is small, not a parser: it drops strings, label matchers, ranges and the
 * label lists of {@code by/without/on/ignoring/group_left/group_right}, then every identifier not
 * followed by {@code (} and not a keyword is a metric name. Enough for the expressions we write.
 */
public final class MetricNames {

  /** Series Prometheus makes itself; they are never in a target's /metrics. */
  public static final Set<String> PROMETHEUS_SYNTHETIC =
      Set.of(
          "up",
          "scrape_duration_seconds",
          "scrape_samples_scraped",
          "scrape_samples_post_metric_relabeling",
          "scrape_series_added",
          "ALERTS",
          "ALERTS_FOR_STATE");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "inf",
          "nan",
          "Inf",
          "NaN",
          "atan2",
          // aggregation operators may be followed by "by (...)" instead of "("
          "sum",
          "avg",
          "min",
          "max",
          "count",
          "group",
          "stddev",
          "stdvar",
          "topk",
          "bottomk",
          "quantile",
          "count_values",
          "limitk",
          "limit_ratio");

  private static final Set<String> LABEL_LIST_KEYWORDS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private static final Pattern TOKEN =
      Pattern.compile("(?<num>\\d[\\w.]*)|(?<id>[A-Za-z_:][A-Za-z0-9_:]*)|(?<other>\\S)");

  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$");

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private MetricNames() {}

  /** Metric names in one PromQL expression. */
  public static Set<String> inPromQl(String expr) {
    String s = expr;
    s = s.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    s = s.replaceAll("'(?:\\\\.|[^'\\\\])*'", "''");
    s = s.replaceAll("`[^`]*`", "``");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^]]*]", " ");
    List<String> tokens =
        TOKEN.matcher(s).results().map(java.util.regex.MatchResult::group).toList();
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (!isIdentifier(t)) {
        continue;
      }
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (LABEL_LIST_KEYWORDS.contains(t)) {
        if ("(".equals(next)) {
          i = closingParen(tokens, i + 1);
        }
        continue;
      }
      if ("(".equals(next) || KEYWORDS.contains(t)) {
        continue; // a function, an aggregation, or an operator keyword
      }
      names.add(t);
    }
    return names;
  }

  /** Metric names in every {@code expr} of a PrometheusRule. */
  @SuppressWarnings("unchecked")
  public static Set<String> inPrometheusRule(HasMetadata rule) {
    GenericKubernetesResource generic =
        rule instanceof GenericKubernetesResource g
            ? g
            : JSON.convertValue(rule, GenericKubernetesResource.class);
    Map<String, Object> spec = (Map<String, Object>) generic.getAdditionalProperties().get("spec");
    Set<String> names = new TreeSet<>();
    for (Object group : (List<Object>) spec.getOrDefault("groups", List.of())) {
      for (Object r :
          (List<Object>) ((Map<String, Object>) group).getOrDefault("rules", List.of())) {
        Object expr = ((Map<String, Object>) r).get("expr");
        if (expr != null) {
          names.addAll(inPromQl(expr.toString()));
        }
      }
    }
    return names;
  }

  /** Metric names in a Grafana dashboard: every target's expr and every query variable. */
  public static Set<String> inGrafanaDashboard(String json) {
    Map<?, ?> dashboard = JSON.unmarshal(json, Map.class);
    Set<String> names = new TreeSet<>();
    collectExprs(dashboard.get("panels"), names);
    Object templating = dashboard.get("templating");
    if (templating instanceof Map<?, ?> t && t.get("list") instanceof List<?> vars) {
      for (Object v : vars) {
        if (v instanceof Map<?, ?> var && "query".equals(var.get("type"))) {
          Object q = var.get("query");
          String query =
              q instanceof Map<?, ?> m ? String.valueOf(m.get("query")) : String.valueOf(q);
          names.addAll(inTemplateQuery(query));
        }
      }
    }
    return names;
  }

  /** Grafana's {@code label_values(selector, label)}; other queries are read as PromQL. */
  static Set<String> inTemplateQuery(String query) {
    Matcher m = LABEL_VALUES.matcher(query);
    if (m.matches()) {
      return inPromQl(m.group(1));
    }
    if (query.trim().startsWith("label_values(")) {
      return Set.of(); // label_values(label): no metric
    }
    return inPromQl(query);
  }

  /** Series names in a Prometheus text exposition (the body of /metrics). */
  public static Set<String> inScrape(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < l.length() && l.charAt(end) != '{' && l.charAt(end) != ' ') {
        end++;
      }
      names.add(l.substring(0, end));
    }
    return names;
  }

  /** Used names that the scrape does not expose and Prometheus does not synthesise. */
  public static Set<String> missing(Collection<String> used, Collection<String> exposed) {
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(exposed);
    missing.removeAll(PROMETHEUS_SYNTHETIC);
    return missing;
  }

  private static void collectExprs(Object node, Set<String> names) {
    if (node instanceof List<?> list) {
      list.forEach(n -> collectExprs(n, names));
    } else if (node instanceof Map<?, ?> map) {
      if (map.get("targets") instanceof List<?> targets) {
        for (Object target : targets) {
          if (target instanceof Map<?, ?> t && t.get("expr") != null) {
            names.addAll(inPromQl(t.get("expr").toString()));
          }
        }
      }
      collectExprs(map.get("panels"), names); // rows hold panels too
    }
  }

  private static boolean isIdentifier(String token) {
    char c = token.charAt(0);
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static int closingParen(List<String> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if ("(".equals(tokens.get(i))) {
        depth++;
      } else if (")".equals(tokens.get(i)) && --depth == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }
}
