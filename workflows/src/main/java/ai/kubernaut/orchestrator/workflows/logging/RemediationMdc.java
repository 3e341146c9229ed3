package ai.kubernaut.orchestrator.workflows.logging;

import ai.kubernaut.orchestrator.workflows.WorkflowIds;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The one home of the MDC keys that name a remediation on a log line, for the bridge, the workflows
 * and the activities alike. Temporal adds {@code WorkflowId}, {@code RunId} and {@code
 * ActivityType} itself on workflow and activity threads; {@link RemediationMdcInterceptor} adds the
 * RR's namespace and name there, and the bridge adds them around each callback.
 *
 * <pre>{@code
 * try (var ignored = RemediationMdc.put(ns, name, "rr.added")) {
 *   log.info("started workflow");
 * }
 * }</pre>
 *
 * <p>{@link #close()} puts back what the keys held before, so scopes nest.
 */
public final class RemediationMdc implements AutoCloseable {

  public static final String RR_NAMESPACE = "rr.namespace";
  public static final String RR_NAME = "rr.name";

  /** What the bridge is handling (e.g. {@code rr.added}, {@code SignalProcessing.updated}). */
  public static final String EVENT = "event";

  public static final String WORKFLOW_ID = "WorkflowId";
  public static final String RUN_ID = "RunId";
  public static final String ACTIVITY_TYPE = "ActivityType";

  private static final RemediationMdc NOTHING = new RemediationMdc(Map.of());

  private final Map<String, String> previous;

  private RemediationMdc(Map<String, String> previous) {
    this.previous = previous;
  }

  public static RemediationMdc put(String namespace, String name) {
    return apply(RR_NAMESPACE, namespace, RR_NAME, name);
  }

  public static RemediationMdc put(String namespace, String name, String event) {
    return apply(RR_NAMESPACE, namespace, RR_NAME, name, EVENT, event);
  }

  /**
   * The RR a remediation workflow ID names ({@link WorkflowIds}); puts nothing for other workflows
   * (the routing coordinators serve many RRs).
   */
  public static RemediationMdc forWorkflowId(String workflowId) {
    return WorkflowIds.parse(workflowId).map(rr -> put(rr.namespace(), rr.name())).orElse(NOTHING);
  }

  public static RemediationMdc forRemediation(RemediationRef rr) {
    return put(rr.namespace(), rr.name());
  }

  /** Key, value, key, value...; a null value removes the key for the scope. */
  private static RemediationMdc apply(String... keysAndValues) {
    Map<String, String> previous = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      previous.put(keysAndValues[i], MDC.get(keysAndValues[i]));
      set(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new RemediationMdc(previous);
  }

  private static void set(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  @Override
  public void close() {
    previous.forEach(RemediationMdc::set);
  }
}
