package ai.kubernaut.orchestrator.workflows.logging;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;

/**
 * Puts the RR's namespace and name ({@link RemediationMdc}) into the MDC of every workflow thread
 * and every activity execution of a remediation, read from its workflow ID, so each log line there
 * names its RR like the bridge's lines do. Register it on the worker factory: {@code
 * WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new RemediationMdcInterceptor())}.
 */
public final class RemediationMdcInterceptor extends WorkerInterceptorBase {

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowMdcInterceptor(next);
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityMdcInterceptor(next);
  }
}
