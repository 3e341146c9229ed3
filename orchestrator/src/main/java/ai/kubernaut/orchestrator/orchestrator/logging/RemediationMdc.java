package ai.kubernaut.orchestrator.orchestrator.logging;

import org.slf4j.MDC;

/**
 * MDC keys every log line about a remediation carries. Temporal adds {@code WorkflowId}, {@code
 * RunId} and {@code ActivityType} itself inside workflows and activities; code outside them (the
 * bridge) adds the RR's namespace and name.
 *
 * <pre>{@code
 * try (var ignored = RemediationMdc.put(ns, name)) {
 *   log.info("started workflow");
 * }
 * }</pre>
 */
public final class RemediationMdc implements AutoCloseable {

  public static final String RR_NAMESPACE = "rr.namespace";
  public static final String RR_NAME = "rr.name";
  public static final String WORKFLOW_ID = "WorkflowId";
  public static final String RUN_ID = "RunId";
  public static final String ACTIVITY_TYPE = "ActivityType";

  private RemediationMdc() {}

  public static RemediationMdc put(String namespace, String name) {
    MDC.put(RR_NAMESPACE, namespace);
    MDC.put(RR_NAME, name);
    return new RemediationMdc();
  }

  @Override
  public void close() {
    MDC.remove(RR_NAMESPACE);
    MDC.remove(RR_NAME);
  }
}
