package ai.kubernaut.orchestrator.orchestrator.http;

import ai.kubernaut.orchestrator.gateway.http.PlainHttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} (Prometheus text), {@code /healthz} (200 while the process runs) and {@code
 * /readyz} (200 only when every readiness check passes) on the JDK's HTTP server.
 */
public final class OpsHttpServer implements AutoCloseable {

  static final String PROMETHEUS_TEXT = PlainHttpServer.PROMETHEUS_TEXT;
  private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);

  private final PlainHttpServer server;

  private OpsHttpServer(PlainHttpServer server) {
    this.server = server;
  }

  /** Binds all interfaces on {@code port} (0 picks a free one) and starts serving. */
  public static OpsHttpServer start(int port, PrometheusMeterRegistry registry, Readiness readiness)
      throws IOException {
    PlainHttpServer server =
        PlainHttpServer.bind(port, 0, 2, "ops-http")
            .handle(
                "/metrics",
                exchange ->
                    PlainHttpServer.respondToRead(
                        exchange, 200, PROMETHEUS_TEXT, registry.scrape()))
            .handle(
                "/healthz",
                exchange -> PlainHttpServer.respondToRead(exchange, 200, "text/plain", "ok\n"))
            .handle(
                "/readyz",
                exchange -> {
                  Readiness.Report report = readiness.evaluate();
                  PlainHttpServer.respondToRead(
                      exchange, report.ready() ? 200 : 503, "text/plain", report.render());
                })
            .start();
    OpsHttpServer ops = new OpsHttpServer(server);
    LOG.info("serving /metrics, /healthz, /readyz on port {}", ops.port());
    return ops;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
