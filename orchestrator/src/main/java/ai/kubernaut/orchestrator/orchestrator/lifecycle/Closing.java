package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing on the way out: a failure is logged, and the next part is closed anyway. */
public final class Closing {

  private static final Logger LOG = LoggerFactory.getLogger(Closing.class);

  private Closing() {}

  /** Closes {@code closeable} (nothing when null), logging a failure instead of throwing it. */
  public static void quietly(String what, AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("closing the {} failed: {}", what, e.toString());
    }
  }
}
