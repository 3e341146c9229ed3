package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Knows the open watch connections, so a test can drop them all (to exercise reconnects). */
final class WatchRegistry {

  private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();

  /** Wraps a watch's listener so its connection is tracked while open. */
  WebSocketListener track(WebSocketListener delegate) {
    return new Tracking(delegate);
  }

  int openWatches() {
    return open.size();
  }

  /** Closes every open watch connection; returns how many were closed. */
  int dropAll() {
    int dropped = 0;
    for (WebSocket socket : Set.copyOf(open)) {
      open.remove(socket);
      socket.close(1000, "watch dropped by the Kubernetes API stand-in");
      dropped++;
    }
    return dropped;
  }

  private final class Tracking extends WebSocketListener {

    private final WebSocketListener delegate;

    Tracking(WebSocketListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      delegate.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      open.add(webSocket);
      delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      delegate.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onPing(WebSocket webSocket, byte[] bytes) {
      delegate.onPing(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      open.remove(webSocket);
      delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      open.remove(webSocket);
      delegate.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      open.remove(webSocket);
      delegate.onFailure(webSocket, t, response);
    }
  }
}
