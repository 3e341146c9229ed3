package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A watch whose events are rewritten on their way out, for example into Tables for {@code kubectl
 * get -w}: wraps the CRUD store's watch listener and hands it a socket that maps each text event.
 */
final class MappedWatch extends ForwardingWatchListener {

  private final UnaryOperator<String> mapper;

  MappedWatch(WebSocketListener delegate, UnaryOperator<String> mapper) {
    super(delegate);
    this.mapper = mapper;
  }

  /** The CRUD store's listener. */
  WebSocketListener delegate() {
    return delegate;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(new MappingSocket(webSocket), response);
  }

  private final class MappingSocket implements WebSocket {
    private final WebSocket socket;

    MappingSocket(WebSocket socket) {
      this.socket = socket;
    }

    @Override
    public RecordedRequest request() {
      return socket.request();
    }

    @Override
    public boolean send(String text) {
      return socket.send(mapper.apply(text));
    }

    @Override
    public boolean send(byte[] bytes) {
      return send(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public boolean close(int code, String reason) {
      return socket.close(code, reason);
    }
  }
}
