package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Knows the open watch connections, so a test can drop them all (to exercise reconnects), and keeps
 * closing a watch off the server's event loop.
 *
 * <p>fabric8's watch listener waits (up to a minute) for its send queue to drain when its
 * connection closes. The mock server calls that on its single event loop, so with hundreds of
 * watches coming and going the loop stalled for seconds at a time, every request timed out and
 * informers relisted, closing more watches. The close work runs on this registry's own threads
 * instead.
 */
final class WatchRegistry implements AutoCloseable {

  private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger closerThreads = new AtomicInteger();
  private final ExecutorService closer =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread =
                new Thread(task, "stand-in-watch-close-" + closerThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

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

  /** Stops the close threads once the server is down (pending closes still run). */
  @Override
  public void close() {
    closer.shutdown();
  }

  private void offLoop(Runnable closeWork) {
    try {
      closer.execute(closeWork);
    } catch (RejectedExecutionException shuttingDown) {
      closeWork.run(); // the server is stopping; nothing else needs the loop any more
    }
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
      offLoop(() -> delegate.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      open.remove(webSocket);
      offLoop(() -> delegate.onFailure(webSocket, t, response));
    }
  }
}
