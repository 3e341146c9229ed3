package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.monitoring.MonitoringBinaries;
import ai.kubernaut.orchestrator.orchestrator.monitoring.RealProcess;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring manifests against the real Prometheus tools (Debian's packages, installed by
 * realstack/monitoring.sh): promtool checks the PrometheusRule's groups and runs the unit tests in
 * deploy/monitoring/tests/ (one firing test per alert); a real Prometheus scrapes the
 * orchestrator's /metrics, and every PromQL expression of the alerts and of the Grafana dashboard
 * parses in its query API and names only series that scrape has.
 */
class PrometheusRuleRealIT {

  static final Path MONITORING = DeployManifests.deploy().resolve("monitoring");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void promtoolChecksTheRulesAndEveryAlertHasAPassingUnitTest() throws Exception {
    Path promtool = MonitoringBinaries.promtool();
    Path rules = writeRuleGroups(dir.resolve("rules.yaml"));
    List<Path> tests = copyUnitTests(dir);

    Result check = run(List.of(promtool.toString(), "check", "rules", rules.toString()));
    List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
    tests.forEach(t -> command.add(t.toString()));
    Result test = run(command);

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + alertNames().size() + " rules found");
    assertThat(test.exit()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS").doesNotContain("FAILED");
    String allTests = String.join("\n", tests.stream().map(PrometheusRuleRealIT::read).toList());
    for (String alert : alertNames()) {
      assertThat(allTests).as("a promtool test for %s", alert).contains("alertname: " + alert);
    }
  }

  @Test
  void everyAlertAndDashboardQueryParsesInRealPrometheusAndNamesScrapedSeries() throws Exception {
    Path prometheusBin = MonitoringBinaries.prometheus();
    String scrape = MonitoringMetricsTest.interimScrape();
    HttpServer target =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext(
        "/metrics",
        ex -> {
          byte[] body = scrape.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          try (var out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    target.start();
    int port = TestSupport.freePort();
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: kubernaut-orchestrator-metrics
                static_configs:
                  - targets: ["127.0.0.1:%d"]
            """
                .formatted(target.getAddress().getPort()));
    String base = "http://127.0.0.1:" + port;
    try (RealProcess prometheus =
        RealProcess.start(
                "prometheus-rules",
                Path.of("target", "realstack-logs"),
                List.of(
                    prometheusBin.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port))
            .awaitReady(base + "/-/ready", Duration.ofSeconds(30))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> get(base + "/api/v1/query?query=" + encode("up == 1")).contains("\"value\""));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> get(base + "/api/v1/label/__name__/values").contains("temporal_num_pollers"));
      Set<String> scraped = new TreeSet<>(values(get(base + "/api/v1/label/__name__/values")));

      Map<String, String> expressions = new LinkedHashMap<>();
      alertExpressions().forEach((k, v) -> expressions.put("alert " + k, v));
      dashboardExpressions().forEach((k, v) -> expressions.put("panel " + k, v));
      assertThat(expressions).hasSizeGreaterThan(40);
      for (Map.Entry<String, String> e : expressions.entrySet()) {
        HttpResponse<String> r = query(base, e.getValue());
        assertThat(r.statusCode())
            .as("%s: %s%n%s", e.getKey(), e.getValue(), r.body())
            .isEqualTo(200);
        assertThat(r.body()).as(e.getKey()).contains("\"status\":\"success\"");
        Set<String> names = MetricNames.inPromQl(e.getValue());
        assertThat(MetricNames.missing(names, scraped))
            .as("%s names series the orchestrator does not export: %s", e.getKey(), e.getValue())
            .isEmpty();
      }
    } finally {
      target.stop(0);
    }
  }

  /** The PrometheusRule's spec.groups as a Prometheus rule file. */
  static Path writeRuleGroups(Path file) throws IOException {
    GenericKubernetesResource rule = prometheusRule();
    Object groups = ((Map<?, ?>) rule.getAdditionalProperties().get("spec")).get("groups");
    return Files.writeString(file, DeployManifests.SERIALIZATION.asYaml(Map.of("groups", groups)));
  }

  private static GenericKubernetesResource prometheusRule() {
    List<HasMetadata> objects = DeployManifests.load(MONITORING.resolve("prometheusrule.yaml"));
    return (GenericKubernetesResource) objects.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> alertExpressions() {
    Map<String, String> exprs = new LinkedHashMap<>();
    Map<String, Object> spec =
        (Map<String, Object>) prometheusRule().getAdditionalProperties().get("spec");
    for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        exprs.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
      }
    }
    return exprs;
  }

  private static Set<String> alertNames() {
    return new TreeSet<>(alertExpressions().keySet());
  }

  /**
   * Every panel target's expr and query variable of the dashboard, with Grafana's variables
   * replaced by values Prometheus accepts.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> dashboardExpressions() throws IOException {
    Map<String, Object> dashboard =
        DeployManifests.SERIALIZATION.unmarshal(
            Files.readString(MONITORING.resolve("dashboards/kubernaut-orchestrator.json")),
            Map.class);
    Map<String, String> exprs = new LinkedHashMap<>();
    collect(dashboard.get("panels"), "", exprs);
    Object templating = dashboard.get("templating");
    if (templating instanceof Map<?, ?> t && t.get("list") instanceof List<?> vars) {
      for (Object v : vars) {
        if (v instanceof Map<?, ?> var && "query".equals(var.get("type"))) {
          Object q = var.get("query");
          String query =
              q instanceof Map<?, ?> m ? String.valueOf(m.get("query")) : String.valueOf(q);
          var m = java.util.regex.Pattern.compile("label_values\\((.*),\\s*\\w+\\)").matcher(query);
          exprs.put("variable " + var.get("name"), m.matches() ? m.group(1) : query);
        }
      }
    }
    exprs.replaceAll(
        (k, e) ->
            e.replace("$__rate_interval", "1m")
                .replace("${__rate_interval}", "1m")
                .replace("$__range", "1h")
                .replace("${__range}", "1h")
                .replace("$namespace", ".*")
                .replace("${namespace}", ".*"));
    return exprs;
  }

  private static void collect(Object node, String title, Map<String, String> exprs) {
    if (node instanceof Map<?, ?> map) {
      String t = map.get("title") instanceof String s ? s : title;
      if (map.get("expr") instanceof String expr && !expr.isBlank()) {
        exprs.put(t + " #" + exprs.size(), expr);
      }
      map.values().forEach(v -> collect(v, t, exprs));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, title, exprs));
    }
  }

  private static List<Path> copyUnitTests(Path to) throws IOException {
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(MONITORING.resolve("tests"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        copies.add(Files.copy(f, to.resolve(f.getFileName())));
      }
    }
    assertThat(copies).isNotEmpty();
    return copies;
  }

  record Result(int exit, String output) {}

  private Result run(List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "promtool", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Result(p.exitValue(), Files.readString(out));
  }

  private static HttpResponse<String> query(String base, String expr) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query=" + encode(expr))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static List<String> values(String json) {
    Map<?, ?> body = DeployManifests.SERIALIZATION.unmarshal(json, Map.class);
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) body.get("data")) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
