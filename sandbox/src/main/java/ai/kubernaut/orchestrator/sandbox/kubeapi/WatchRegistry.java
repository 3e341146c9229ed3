package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.lang.reflect.Field;
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
 * instead. Before handing it over, the listener is taken out of the dispatcher's set of watchers,
 * on the event loop as fabric8 would: otherwise a write served in between would hand an event to a
 * listener whose send queue is already shut down, and that request would fail.
 */
final class WatchRegistry implements AutoCloseable {

  /** fabric8 8.0's {@code WatchEventsListener} field holding the dispatcher's watcher set. */
  private static final String WATCHERS_FIELD = "watchEventListenerList";

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

  /**
   * Runs {@code closeWork} off the event loop once {@code delegate} no longer receives events; when
   * it cannot be unregistered first (another fabric8 version), runs it here, as fabric8 does.
   */
  private void offLoop(WebSocketListener delegate, Runnable closeWork) {
    if (!stopNotifying(delegate)) {
      closeWork.run();
      return;
    }
    try {
      closer.execute(closeWork);
    } catch (RejectedExecutionException shuttingDown) {
      closeWork.run(); // the server is stopping; nothing else needs the loop any more
    }
  }

  /** Removes a fabric8 watch listener from the set the CRUD dispatcher notifies. */
  private static boolean stopNotifying(WebSocketListener listener) {
    WebSocketListener delegate =
        listener instanceof MappedWatch mapped ? mapped.delegate() : listener;
    try {
      Field field = delegate.getClass().getDeclaredField(WATCHERS_FIELD);
      field.setAccessible(true);
      if (!(field.get(delegate) instanceof Set<?> watchers)) {
        return false;
      }
      watchers.remove(delegate);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private final class Tracking extends ForwardingWatchListener {

    Tracking(WebSocketListener delegate) {
      super(delegate);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      open.add(webSocket);
      delegate.onOpen(webSocket, response);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      open.remove(webSocket);
      delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      open.remove(webSocket);
      offLoop(delegate, () -> delegate.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      open.remove(webSocket);
      offLoop(delegate, () -> delegate.onFailure(webSocket, t, response));
    }
  }
}
