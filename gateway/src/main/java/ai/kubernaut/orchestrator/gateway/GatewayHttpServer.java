package ai.kubernaut.orchestrator.gateway;

import ai.kubernaut.orchestrator.gateway.http.PlainHttpServer;
import ai.kubernaut.orchestrator.gateway.signal.AlertmanagerPayloads;
import ai.kubernaut.orchestrator.gateway.signal.InvalidSignalException;
import ai.kubernaut.orchestrator.gateway.signal.KubernetesEventPayloads;
import ai.kubernaut.orchestrator.gateway.signal.Signal;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The Gateway's HTTP endpoints on the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code POST /api/v1/signals/alertmanager}: an Alertmanager webhook payload (version 4)
 *   <li>{@code POST /api/v1/signals/kubernetes-event}: one Kubernetes Event as JSON
 *   <li>{@code GET /healthz}, {@code GET /readyz}, and {@code GET /metrics} when given a scrape
 * </ul>
 *
 * <p>Each signal request passes, in order: method, per-source rate limit, bearer token, content
 * type, body size, then parsing. Any failure answers a 4xx with {@code {"reason": ..., "message":
 * ...}} and counts {@code kubernaut_gateway_requests_rejected_total{reason}}; nothing is created
 * unless every signal in the body is valid.
 */
public final class GatewayHttpServer implements AutoCloseable {

  public static final String ALERTMANAGER_PATH = "/api/v1/signals/alertmanager";
  public static final String KUBERNETES_EVENT_PATH = "/api/v1/signals/kubernetes-event";

  private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  private final PlainHttpServer server;
  private final GatewayConfig config;
  private final SignalIntake intake;
  private final AlertmanagerPayloads alertmanager;
  private final KubernetesEventPayloads events = new KubernetesEventPayloads();
  private final BearerToken token;
  private final RateLimiter rateLimiter;
  private final GatewayMetrics metrics;

  private GatewayHttpServer(
      GatewayConfig config,
      SignalIntake intake,
      GatewayMetrics metrics,
      BooleanSupplier ready,
      Supplier<String> scrape,
      int threads)
      throws IOException {
    this.config = config;
    this.intake = intake;
    this.metrics = metrics;
    this.alertmanager = new AlertmanagerPayloads(config.targetMapping());
    this.token = config.tokenFile() == null ? null : BearerToken.fromFile(config.tokenFile());
    this.rateLimiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst());
    this.server = PlainHttpServer.bind(config.port(), 64, threads, "gateway-http");
    server.handle(ALERTMANAGER_PATH, exchange -> handleSignals(exchange, "alertmanager"));
    server.handle(KUBERNETES_EVENT_PATH, exchange -> handleSignals(exchange, "kubernetes-event"));
    server.handle(
        "/healthz", exchange -> PlainHttpServer.respondToRead(exchange, 200, "text/plain", "ok\n"));
    server.handle(
        "/readyz",
        exchange ->
            PlainHttpServer.respondToRead(
                exchange,
                ready.getAsBoolean() ? 200 : 503,
                "text/plain",
                ready.getAsBoolean() ? "ok\n" : "RemediationRequest cache not synced\n"));
    if (scrape != null) {
      server.handle(
          "/metrics",
          exchange ->
              PlainHttpServer.respondToRead(
                  exchange, 200, PlainHttpServer.PROMETHEUS_TEXT, scrape.get()));
    }
    server.handle(
        "/",
        exchange -> {
          try (exchange) {
            reject(exchange, 404, "not_found", "no such endpoint");
          }
        });
  }

  /**
   * Makes the JDK's HTTP server drop a client that takes more than 30 s to send its request or to
   * read the answer (slow-loris), unless {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime}
   * are set. The JDK reads them once, when the first HTTP server of the process is created: call
   * this at the start of {@code main}; {@link #start} calls it too.
   */
  public static void installRequestTimeouts() {
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "30");
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "30");
  }

  /**
   * Binds all interfaces on the configured port and starts serving.
   *
   * @param scrape the Prometheus text of the process's registry, or null to serve no /metrics
   */
  public static GatewayHttpServer start(
      GatewayConfig config,
      SignalIntake intake,
      GatewayMetrics metrics,
      BooleanSupplier ready,
      Supplier<String> scrape)
      throws IOException {
    installRequestTimeouts();
    GatewayHttpServer gateway = new GatewayHttpServer(config, intake, metrics, ready, scrape, 8);
    gateway.server.start();
    LOG.info(
        "gateway serving {} and {} on port {} (authentication {})",
        ALERTMANAGER_PATH,
        KUBERNETES_EVENT_PATH,
        gateway.port(),
        gateway.token == null ? "OFF" : "bearer token");
    return gateway;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handleSignals(HttpExchange exchange, String endpoint) throws IOException {
    long start = System.nanoTime();
    int status = 500;
    try (exchange) {
      status = process(exchange, endpoint);
    } catch (RuntimeException e) {
      LOG.error("{} request failed", endpoint, e);
      metrics.failed("internal");
      safeRespond(
          exchange, 500, error("internal", "the gateway failed: " + e.getClass().getName()));
    } finally {
      metrics.requestDuration(
          endpoint, Integer.toString(status), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private int process(HttpExchange exchange, String endpoint) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
      return reject(exchange, 404, "not_found", "no such endpoint");
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return reject(
          exchange,
          405,
          "method_not_allowed",
          "method " + exchange.getRequestMethod() + " is not allowed; use POST");
    }
    String source = exchange.getRemoteAddress().getAddress().getHostAddress();
    if (!rateLimiter.tryAcquire(source)) {
      exchange
          .getResponseHeaders()
          .set("Retry-After", Long.toString(rateLimiter.retryAfterSeconds()));
      return reject(
          exchange,
          429,
          "rate_limited",
          "more than "
              + config.rateLimitPerSecond()
              + " requests a second from this address; retry later");
    }
    if (token != null) {
      BearerToken.Check check = token.check(exchange.getRequestHeaders().getFirst("Authorization"));
      if (check != BearerToken.Check.OK) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"kubernaut-gateway\"");
        return check == BearerToken.Check.MISSING
            ? reject(exchange, 401, "missing_token", "an Authorization: Bearer token is required")
            : reject(exchange, 401, "invalid_token", "the bearer token is not valid");
      }
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null
        && !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
      return reject(
          exchange,
          415,
          "unsupported_media_type",
          "Content-Type must be application/json, not " + abbreviate(contentType));
    }
    byte[] body = readBounded(exchange);
    if (body == null) {
      return reject(
          exchange,
          413,
          "payload_too_large",
          "the body is larger than " + config.maxBodyBytes() + " bytes");
    }
    List<Signal> signals;
    try {
      signals =
          endpoint.equals("alertmanager")
              ? alertmanager.parse(body)
              : events.parse(body).map(List::of).orElse(List.of());
    } catch (InvalidSignalException e) {
      return reject(exchange, 400, e.reason(), e.getMessage());
    }
    if (signals.isEmpty()) {
      metrics.received(KubernetesEventPayloads.SOURCE);
      metrics.ignored(KubernetesEventPayloads.SOURCE);
      return respond(
          exchange,
          200,
          Map.of(
              "status",
              "accepted",
              "results",
              List.of(
                  Map.of("outcome", "ignored", "message", "only Warning events are acted on"))));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Signal signal : signals) {
      IntakeResult result;
      try {
        result = intake.accept(signal);
      } catch (KubernetesClientException e) {
        LOG.warn(
            "Kubernetes API failed for {} on {}: HTTP {} {}",
            signal.name(),
            signal.target().describe(),
            e.getCode(),
            e.getStatus() == null ? e.getClass().getSimpleName() : e.getStatus().getReason());
        metrics.failed("kubernetes_api");
        exchange.getResponseHeaders().set("Retry-After", "5");
        return respond(
            exchange,
            503,
            error(
                "kubernetes_api",
                "the Kubernetes API failed (HTTP "
                    + e.getCode()
                    + "); "
                    + results.size()
                    + " of "
                    + signals.size()
                    + " signals were handled, retry the request"));
      }
      results.add(render(result));
    }
    return respond(exchange, 200, Map.of("status", "accepted", "results", results));
  }

  private Map<String, Object> render(IntakeResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    Signal s = result.signal();
    out.put("signal", s.name());
    out.put("fingerprint", s.fingerprint());
    out.put("target", s.target().describe());
    out.put("outcome", result.outcome().wire());
    if (result.remediationRequest() != null) {
      out.put("remediationRequest", config.namespace() + "/" + result.remediationRequest());
    }
    out.put("message", result.message());
    return out;
  }

  /**
   * The body, or null when it is larger than the limit. Nothing past the limit is kept; up to
   * {@link #DRAIN_LIMIT} more bytes are read and dropped so the client sees the 413 instead of a
   * reset connection, and beyond that the connection is closed.
   */
  private byte[] readBounded(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = exchange.getRequestBody()) {
      if (length != null) {
        long declared;
        try {
          declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
          return null;
        }
        if (declared > config.maxBodyBytes()) {
          if (declared <= DRAIN_LIMIT) {
            drain(in);
          }
          return null;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) > 0) {
        if (out.size() + read > config.maxBodyBytes()) {
          drain(in);
          return null;
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    int read;
    while (total < DRAIN_LIMIT && (read = in.read(buffer)) > 0) {
      total += read;
    }
  }

  private int reject(HttpExchange exchange, int status, String reason, String message)
      throws IOException {
    metrics.rejected(reason);
    LOG.debug(
        "rejected {} {}: {} ({})",
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        reason,
        status);
    return respond(exchange, status, error(reason, message));
  }

  private static Map<String, Object> error(String reason, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "rejected");
    body.put("reason", reason);
    body.put("message", message);
    return body;
  }

  private static int respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private static void safeRespond(HttpExchange exchange, int status, Object body) {
    try {
      respond(exchange, status, body);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not answer: {}", e.toString());
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "..." : value;
  }
}
