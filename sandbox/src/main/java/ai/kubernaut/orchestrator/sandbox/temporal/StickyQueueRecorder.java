package ai.kubernaut.orchestrator.sandbox.temporal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gRPC interceptor for a worker's client that notes the sticky task queues the worker polls, so
 * that once the worker stops they can be expired ({@link
 * SandboxTemporalServer#expireStickyQueues}), which a real Temporal server does on its own.
 */
public final class StickyQueueRecorder implements ClientInterceptor {

  private final Set<String> stickyQueues = ConcurrentHashMap.newKeySet();

  public Set<String> stickyQueues() {
    return Set.copyOf(stickyQueues);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    if (!method
        .getFullMethodName()
        .equals(WorkflowServiceGrpc.getPollWorkflowTaskQueueMethod().getFullMethodName())) {
      return call;
    }
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      public void sendMessage(Q message) {
        if (message instanceof PollWorkflowTaskQueueRequest poll
            && poll.getTaskQueue().getKind() == TaskQueueKind.TASK_QUEUE_KIND_STICKY) {
          stickyQueues.add(poll.getTaskQueue().getName());
        }
        super.sendMessage(message);
      }
    };
  }
}
