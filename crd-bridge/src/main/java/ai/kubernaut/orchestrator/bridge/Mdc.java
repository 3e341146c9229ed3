package ai.kubernaut.orchestrator.bridge;

import org.slf4j.MDC;

/**
 * Puts the RR and the event into the MDC for one callback or task; {@link #close()} (the {@code
 * finally} of a try-with-resources) removes them again.
 */
final class Mdc implements AutoCloseable {

  static final String NAMESPACE = "rr.namespace";
  static final String NAME = "rr.name";
  static final String EVENT = "event";

  private Mdc() {}

  static Mdc of(String namespace, String name, String event) {
    MDC.put(NAMESPACE, namespace);
    MDC.put(NAME, name);
    MDC.put(EVENT, event);
    return new Mdc();
  }

  @Override
  public void close() {
    MDC.remove(NAMESPACE);
    MDC.remove(NAME);
    MDC.remove(EVENT);
  }
}
