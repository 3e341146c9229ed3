package ai.kubernaut.orchestrator.workflows.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;

/** The RR of the calling remediation workflow in the MDC for one activity execution. */
final class ActivityMdcInterceptor extends ActivityInboundCallsInterceptorBase {

  private ActivityExecutionContext context;

  ActivityMdcInterceptor(ActivityInboundCallsInterceptor next) {
    super(next);
  }

  @Override
  public void init(ActivityExecutionContext context) {
    this.context = context;
    super.init(context);
  }

  @Override
  public ActivityOutput execute(ActivityInput input) {
    try (RemediationMdc ignored = RemediationMdc.forWorkflowId(context.getInfo().getWorkflowId())) {
      return super.execute(input);
    }
  }
}
