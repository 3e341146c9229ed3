package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's HTTP server (Vert.x, HTTP/1.1), in place of fabric8's MockWebServer, which serves
 * a watch only over a WebSocket and sends nothing at all when its dispatcher throws. Here:
 *
 * <ul>
 *   <li>a watch is served either way: over a WebSocket (fabric8 clients) or as a streamed HTTP
 *       response of newline-separated events, as kubectl and client-go read it ({@code ?watch=true}
 *       without an Upgrade header); both feed from the same CRUD watch listener;
 *   <li>every request gets an answer at once: a dispatcher that throws becomes a 500 {@code Status}
 *       naming the error, never a request left hanging.
 * </ul>
 */
final class StandInHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandInHttpServer.class);
  private static final List<String> WEBSOCKET_SUB_PROTOCOLS =
      List.of("v1.channel.k8s.io", "v2.channel.k8s.io", "v3.channel.k8s.io", "v4.channel.k8s.io");

  private final Dispatcher dispatcher;
  private final Vertx vertx = Vertx.vertx();
  private HttpServer server;

  StandInHttpServer(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Listens on the address and port (0 for a free one); returns the port. */
  int start(InetAddress address, int port) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(address.getHostAddress())
            .setPort(port)
            .setWebSocketSubProtocols(WEBSOCKET_SUB_PROTOCOLS)
            .setHandle100ContinueAutomatically(true)
            .setWebSocketClosingTimeout(1);
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    try {
      return server
          .listen()
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS)
          .actualPort();
    } catch (Exception e) {
      close(); // release Vert.x's threads, or an embedding JVM could not exit
      throw new IllegalStateException(
          "the Kubernetes API stand-in cannot listen on "
              + address.getHostAddress()
              + ":"
              + port
              + ": "
              + rootCause(e).getMessage(),
          e);
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void handle(HttpServerRequest event) {
    if (isWebSocketUpgrade(event)) {
      // An upgrade must happen from the request handler itself, before the request is read.
      RecordedRequest request = recorded(event, null);
      MockResponse response = dispatch(request);
      if (response.getWebSocketListener() != null) {
        event
            .toWebSocket()
            .onFailure(e -> failed(event, e))
            .onSuccess(new ServerWebSocketHandler(request, response));
        return;
      }
      send(event, response);
      return;
    }
    Future<Buffer> body = hasBody(event) ? event.body() : Future.succeededFuture(null);
    body.onFailure(e -> failed(event, e))
        .onSuccess(
            buffer -> {
              RecordedRequest request = recorded(event, buffer);
              MockResponse response = dispatch(request);
              if (response.getWebSocketListener() != null) {
                stream(event, request, response);
              } else {
                send(event, response);
              }
            });
  }

  private MockResponse dispatch(RecordedRequest request) {
    try {
      return dispatcher.dispatch(request);
    } catch (RuntimeException | Error e) {
      LOG.warn("the stand-in failed to serve {}: {}", request.getRequestLine(), e.toString());
      return StatusResponses.failure(
          500,
          "the Kubernetes API stand-in failed to serve "
              + request.getMethod()
              + " "
              + request.getPath()
              + ": "
              + e);
    }
  }

  private static RecordedRequest recorded(HttpServerRequest event, Buffer body) {
    return new RecordedRequest(
        event.version().alpnName().toUpperCase(Locale.ROOT),
        HttpMethod.fromVertx(event.method()),
        event.uri(),
        Headers.builder().addAll(event.headers()).build(),
        new io.fabric8.mockwebserver.http.Buffer(body == null ? null : body.getBytes()));
  }

  private void send(HttpServerRequest event, MockResponse response) {
    HttpServerResponse out = event.response();
    out.setStatusCode(response.code());
    response.getHeaders().toMultimap().forEach((key, values) -> out.headers().add(key, values));
    io.fabric8.mockwebserver.http.Buffer body = response.getBody();
    if (body == null || body.size() == 0) {
      out.end();
      return;
    }
    byte[] bytes = body.getBytes();
    out.headers().set("Content-Length", String.valueOf(bytes.length));
    if (!out.headers().contains("Content-Type")) {
      // the CRUD store leaves it out; a client would then decode with its request's type
      out.headers().set("Content-Type", "application/json");
    }
    if (response.getBodyDelay() != null) {
      vertx.setTimer(
          Math.max(1, response.getBodyDelay().toMillis()), id -> out.end(Buffer.buffer(bytes)));
    } else {
      out.end(Buffer.buffer(bytes));
    }
  }

  private void failed(HttpServerRequest event, Throwable error) {
    if (!event.response().headWritten()) {
      send(
          event,
          StatusResponses.failure(
              500, "the Kubernetes API stand-in could not read the request: " + error));
    }
  }

  /**
   * A watch as a streamed HTTP response: the watch listener writes through a {@link WebSocket}
   * whose messages become lines of the response body; the client closing the connection closes the
   * watch.
   */
  private void stream(HttpServerRequest event, RecordedRequest request, MockResponse ok) {
    HttpServerResponse out = event.response();
    out.setStatusCode(200).setChunked(true);
    out.putHeader("Content-Type", "application/json");
    out.putHeader("Transfer-Encoding", "chunked");
    out.putHeader("Cache-Control", "no-cache, private");
    WebSocketListener listener = ok.getWebSocketListener();
    StreamedWatch socket = new StreamedWatch(request, out);
    out.closeHandler(v -> socket.clientClosed(listener));
    long timeoutSeconds = timeoutSeconds(request.getPath());
    out.write(Buffer.buffer()); // send the headers now, as the API server does
    listener.onOpen(socket, ok);
    if (timeoutSeconds > 0) {
      vertx.setTimer(
          TimeUnit.SECONDS.toMillis(timeoutSeconds),
          id -> {
            if (socket.close(1000, "timeout")) {
              listener.onClosed(socket, 1000, "watch timeout");
            }
          });
    }
  }

  private static long timeoutSeconds(String uri) {
    String value = ApiRequest.parse("GET", uri).query().get("timeoutSeconds");
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isWebSocketUpgrade(HttpServerRequest event) {
    String upgrade = event.getHeader("Upgrade");
    return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }

  private static boolean hasBody(HttpServerRequest event) {
    String length = event.headers().get("Content-Length");
    if (length != null && !length.isBlank()) {
      try {
        return Long.parseLong(length.trim()) > 0;
      } catch (NumberFormatException e) {
        return true;
      }
    }
    return event.headers().contains("Content-Type")
        || event.headers().contains("Transfer-Encoding");
  }

  /** Stops listening and releases Vert.x. */
  @Override
  public void close() {
    try {
      if (server != null) {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.debug("closing the stand-in's HTTP server: {}", e.toString());
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("closing the stand-in's Vert.x: {}", e.toString());
    }
  }

  /** A watch listener's "WebSocket" that is really the body of a streamed HTTP response. */
  private static final class StreamedWatch implements WebSocket {
    private final RecordedRequest request;
    private final HttpServerResponse out;
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamedWatch(RecordedRequest request, HttpServerResponse out) {
      this.request = request;
      this.out = out;
    }

    @Override
    public RecordedRequest request() {
      return request;
    }

    @Override
    public boolean send(String text) {
      return send(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean send(byte[] bytes) {
      if (closed.get()) {
        return false;
      }
      out.write(Buffer.buffer(bytes).appendString("\n"));
      return true;
    }

    /** Ends the response; true the first time. */
    @Override
    public boolean close(int code, String reason) {
      if (!closed.compareAndSet(false, true)) {
        return false;
      }
      out.end();
      return true;
    }

    void clientClosed(WebSocketListener listener) {
      if (closed.compareAndSet(false, true)) {
        listener.onClosed(this, 1000, "client closed the watch");
      }
    }
  }
}
