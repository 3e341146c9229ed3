package ai.kubernaut.orchestrator.workflows.logging;

import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;

/**
 * The RR in the MDC of each thread of one workflow: the main method's, each signal and update
 * handler's (callback threads), and each {@code Async}/cancellation-scope child thread. The SDK
 * runs each of them on its own Java thread and clears the MDC when it ends; the MDC never reaches
 * workflow state, so this is replay-safe. Queries run on the worker's thread and get the ID the
 * workflow's threads recorded.
 */
final class WorkflowMdcInterceptor extends WorkflowInboundCallsInterceptorBase {

  private volatile String workflowId;

  WorkflowMdcInterceptor(WorkflowInboundCallsInterceptor next) {
    super(next);
  }

  @Override
  public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
    super.init(
        new WorkflowOutboundCallsInterceptorBase(outboundCalls) {
          @Override
          public Object newChildThread(Runnable runnable, boolean detached, String name) {
            return super.newChildThread(withMdc(runnable), detached, name);
          }
        });
  }

  @Override
  public Object newWorkflowMethodThread(Runnable runnable, String name) {
    return super.newWorkflowMethodThread(withMdc(runnable), name);
  }

  @Override
  public Object newCallbackThread(Runnable runnable, String name) {
    return super.newCallbackThread(withMdc(runnable), name);
  }

  @Override
  public QueryOutput handleQuery(QueryInput input) {
    try (RemediationMdc ignored = RemediationMdc.forWorkflowId(workflowId)) {
      return super.handleQuery(input);
    }
  }

  private Runnable withMdc(Runnable runnable) {
    return () -> {
      workflowId = Workflow.getInfo().getWorkflowId();
      try (RemediationMdc ignored = RemediationMdc.forWorkflowId(workflowId)) {
        runnable.run();
      }
    };
  }
}
