package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT run {@code onStop} on a fresh thread instead of starting JVM shutdown, so the
 * main thread can finish the ordered stop and exit 0. A JVM shutdown hook runs {@code onStop} too,
 * for every other way the JVM may end.
 */
public final class ShutdownSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  public static void install(Runnable onStop) {
    AtomicBoolean signalled = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (signalled.compareAndSet(false, true)) {
                LOG.info("received SIG{}, stopping", signal.getName());
                Thread t = new Thread(onStop, "shutdown-on-SIG" + signal.getName());
                t.start();
              } else {
                LOG.info("received SIG{} again; stop already in progress", signal.getName());
              }
            });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.debug("cannot handle SIG{}: {}", name, e.toString());
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(onStop, "shutdown-hook"));
  }
}
